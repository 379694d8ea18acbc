package org.bertfit.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.bertfit.datasets.Dataset;
import org.bertfit.datasets.Task;
import org.bertfit.evaluation.TemperatureScaling;
import org.bertfit.models.BertConfig;
import org.bertfit.training.optimizers.Optimizer;
import org.bertfit.training.tasks.TaskDefaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-label temperatures of a multi-label model, against {@link TemperatureScaling} on its own logits. */
class TemperatureCalibrationTest {
  @TempDir Path dir;

  @Test
  void multiLabelFitsOneTemperaturePerLabelOnTheModelsLogits() {
    String tokenizer = SyntheticData.tokenizerJson(dir);
    BertConfig config = SyntheticData.config(Task.MULTI_LABEL, 4);
    Dataset validation = SyntheticData.multiLabel(96, 2);
    try (Model model = Model.create(config, tokenizer, 7)) {
      model.compile(Optimizer.adamW(), TaskDefaults.loss(config.problemType()), List.of());
      model.fit(SyntheticData.encode(SyntheticData.multiLabel(160, 1), tokenizer, config.labels()), null,
          FitConfig.builder().epochs(2).batchSize(16).learningRate(1e-3).build());
      TemperatureCalibration calibration = TemperatureCalibration.fit(model, validation, 32, 16);

      float[][] logits =
          model.predict(SyntheticData.encode(validation, tokenizer, config.labels()), 16).logits();
      assertThat(calibration.temperatures()).hasSize(4);
      for (int c = 0; c < 4; c++) {
        double[] column = new double[logits.length];
        boolean[] positive = new boolean[logits.length];
        for (int i = 0; i < logits.length; i++) {
          column[i] = logits[i][c];
          positive[i] = validation.get(i).labels().contains(config.labels().get(c));
        }
        assertThat(calibration.temperatures().get(c))
            .isCloseTo(TemperatureScaling.fitSigmoid(column, positive), within(1e-9));
      }
      assertThat(calibration.after().ece()).isLessThanOrEqualTo(calibration.before().ece());
      assertThat(calibration.applyTo(config).temperatures()).isEqualTo(calibration.temperatures());
    }
  }
}

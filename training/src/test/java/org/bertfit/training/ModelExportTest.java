package org.bertfit.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.bertfit.datasets.EncodedDataset;
import org.bertfit.datasets.tokenize.EncodedBatch;
import org.bertfit.evaluation.Thresholds;
import org.bertfit.models.BertConfig;
import org.bertfit.datasets.Task;
import org.bertfit.training.tasks.TaskDefaults;
import org.bertfit.models.export.ExportOptions;
import org.bertfit.models.export.ExportedModel;
import org.bertfit.models.export.ServingExport;
import org.bertfit.models.graph.BatchTensors;
import org.bertfit.models.graph.Floats;
import org.bertfit.training.metrics.Metric;
import org.bertfit.training.optimizers.Optimizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat32;

/** {@code model.export(base)} writes a SavedModel whose serving signature computes what {@code predict} does. */
class ModelExportTest {
  @TempDir Path dir;

  @Test
  void theServingSignatureOfAnExportAfterAStepGivesPredictsOutputs() throws Exception {
    String tokenizer = SyntheticData.tokenizerJson(dir);
    BertConfig config = SyntheticData.config(Task.MULTI_LABEL, 4);
    EncodedDataset data = SyntheticData.encode(SyntheticData.multiLabel(24, 5), tokenizer, config.labels());
    try (Model model = Model.create(config, tokenizer, 11)) {
      model.compile(Optimizer.adamW(), TaskDefaults.loss(config.problemType()), List.of(Metric.accuracy()));
      model.fit(data, null, FitConfig.builder().maxSteps(1).batchSize(8).learningRate(1e-2)
          .evalStrategy(Strategy.NO).build());
      Predictions predicted = model.predict(data, 8);
      Thresholds thresholds = new Thresholds(config.labels(), new double[] {0.3, 0.4, 0.5, 0.6});

      ExportedModel first = model.export(dir.resolve("served"));
      ExportedModel second = model.export(dir.resolve("served"), ExportOptions.version(7), thresholds);

      assertThat(first.dir()).isEqualTo(dir.resolve("served").resolve("1"));
      assertThat(second.dir()).isEqualTo(dir.resolve("served").resolve("7"));
      EncodedBatch batch = data.batch(IntStream.range(0, data.size()).toArray(), 1).inputs();
      Map<String, float[]> served = serve(first.dir(), batch);
      int k = config.numLabels();
      for (int row = 0; row < data.size(); row++) {
        for (int c = 0; c < k; c++) {
          assertThat(served.get(ServingExport.LOGITS)[row * k + c])
              .isCloseTo(predicted.logits()[row][c], within(1e-5f));
          assertThat(served.get(ServingExport.PROBABILITIES)[row * k + c])
              .isCloseTo(predicted.probabilities()[row][c], within(1e-5f));
        }
      }
      assertThat(Thresholds.load(second.dir().resolve(ServingExport.ASSETS).resolve(ServingExport.THRESHOLDS))
          .values()).containsExactly(0.3, 0.4, 0.5, 0.6);
    }
  }

  /** The export's serving_default outputs, run by TensorFlow from the SavedModel alone. */
  private static Map<String, float[]> serve(Path savedModel, EncodedBatch batch) {
    try (SavedModelBundle bundle = SavedModelBundle.load(savedModel.toString(), "serve");
        BatchTensors tensors = new BatchTensors(batch);
        Result result =
            bundle.function(ServingExport.SERVING_DEFAULT).call(Map.<String, Tensor>of(
                "input_ids", tensors.inputIds(),
                "attention_mask", tensors.attentionMask(),
                "token_type_ids", tensors.tokenTypeIds()))) {
      return Map.of(
          ServingExport.LOGITS, Floats.of((TFloat32) result.get(ServingExport.LOGITS).orElseThrow()),
          ServingExport.PROBABILITIES,
          Floats.of((TFloat32) result.get(ServingExport.PROBABILITIES).orElseThrow()));
    }
  }
}

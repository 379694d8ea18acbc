package org.bertfit.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.bertfit.datasets.EncodedDataset;
import org.bertfit.datasets.Task;
import org.bertfit.evaluation.Average;
import org.bertfit.models.BertConfig;
import org.bertfit.training.metrics.Metric;
import org.bertfit.training.optimizers.Optimizer;
import org.bertfit.training.tasks.TaskDefaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny randomly initialised BERT learns the synthetic tasks. */
class ModelFitTest {
  @TempDir Path dir;

  @Test
  void learnsASingleLabelTask() {
    String tokenizer = SyntheticData.tokenizerJson(dir);
    BertConfig config = SyntheticData.config(Task.SINGLE_LABEL, 3);
    EncodedDataset train = SyntheticData.encode(SyntheticData.singleLabel(600, 3, 1), tokenizer, config.labels());
    EncodedDataset test = SyntheticData.encode(SyntheticData.singleLabel(300, 3, 2), tokenizer, config.labels());
    try (Model model = Model.create(config, tokenizer, 7)) {
      model.compile(Optimizer.adamW(), TaskDefaults.loss(config.problemType()), List.of(Metric.accuracy(), Metric.f1(Average.MACRO)));
      FitConfig fit = FitConfig.builder().epochs(6).batchSize(16).learningRate(1e-3).warmupRatio(0.1)
          .weightDecay(0.01).loggingSteps(10).build();
      History history = model.fit(train, test, fit);
      Evaluation result = model.evaluate(test, 64, 0.5);
      assertThat(result.metrics().get("accuracy")).isGreaterThanOrEqualTo(0.95);
      assertThat(history.values("eval_accuracy")).hasSize(6);
      List<Double> losses = history.values("loss");
      assertThat(losses.get(losses.size() - 1)).isLessThan(losses.get(0) / 4);
    }
  }

  @Test
  void learnsAMultiLabelTask() {
    String tokenizer = SyntheticData.tokenizerJson(dir);
    BertConfig config = SyntheticData.config(Task.MULTI_LABEL, 4);
    EncodedDataset train = SyntheticData.encode(SyntheticData.multiLabel(1000, 3), tokenizer, config.labels());
    EncodedDataset test = SyntheticData.encode(SyntheticData.multiLabel(300, 4), tokenizer, config.labels());
    try (Model model = Model.create(config, tokenizer, 8)) {
      model.compile(Optimizer.adamW(), TaskDefaults.loss(config.problemType()), List.of(Metric.f1(Average.MICRO)));
      FitConfig fit = FitConfig.builder().epochs(8).batchSize(16).learningRate(2e-3).warmupRatio(0.1)
          .evalStrategy(Strategy.NO).build();
      model.fit(train, null, fit);
      assertThat(model.evaluate(test, 64, 0.5).metrics().get("f1_micro")).isGreaterThanOrEqualTo(0.90);
    }
  }
}

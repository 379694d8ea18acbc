package org.bertfit.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.bertfit.datasets.BatchLabels;
import org.bertfit.datasets.EncodedDataset;
import org.bertfit.datasets.Task;
import org.bertfit.datasets.tokenize.SubTokenLabels;
import org.bertfit.evaluation.Average;
import org.bertfit.evaluation.ReportOptions;
import org.bertfit.evaluation.ner.EntityReport;
import org.bertfit.models.BertConfig;
import org.bertfit.training.metrics.Metric;
import org.bertfit.training.optimizers.Optimizer;
import org.bertfit.training.tasks.TaskDefaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A tiny BERT with the token head: the loss skips ignored tokens; fit learns entities. */
class TokenClassificationTest {
  private static final BertConfig CONFIG = SyntheticData.config(Task.TOKEN_CLASSIFICATION, 4);

  @TempDir Path dir;

  /**
   * The loss of one batch is the mean, over the tokens not labelled -100, of -log p(tag), from the
   * probabilities the model predicts: padding, special tokens and (first-sub-token alignment) the
   * other sub-tokens do not count.
   */
  @ParameterizedTest
  @EnumSource(SubTokenLabels.class)
  void theLossOfABatchSkipsIgnoredTokens(SubTokenLabels alignment) {
    String tokenizer = SyntheticData.tokenizerJson(dir);
    EncodedDataset data =
        SyntheticData.encode(SyntheticData.tagged(12, 5), tokenizer, CONFIG.labels(), alignment);
    try (Model model = Model.create(CONFIG, tokenizer, 3)) {
      model.compile(Optimizer.adamW(), TaskDefaults.loss(CONFIG.problemType()), List.of());
      Evaluation evaluation = model.evaluate(data, 12, 0.5);
      int[] all = IntStream.range(0, 12).toArray();
      BatchLabels.TokenLabels labels = (BatchLabels.TokenLabels) data.batch(all, 1).labels();
      double sum = 0;
      int counted = 0;
      int ignored = 0;
      for (int r = 0; r < 12; r++) {
        float[] p = evaluation.predictions().probabilities()[r];
        for (int t = 0; t < labels.seqLength(); t++) {
          int tag = labels.ids()[r * labels.seqLength() + t];
          if (tag == -100) {
            ignored++;
          } else {
            sum -= Math.log(p[t * 4 + tag]);
            counted++;
          }
        }
      }
      assertThat(ignored).isGreaterThan(2 * 12);
      assertThat(evaluation.metrics().get("loss")).isCloseTo(sum / counted, within(1e-5));
    }
  }

  @Test
  void learnsEntitiesAndLeavesThePoolerAlone() {
    String tokenizer = SyntheticData.tokenizerJson(dir);
    EncodedDataset train = SyntheticData.encode(SyntheticData.tagged(300, 1), tokenizer, CONFIG.labels());
    EncodedDataset test = SyntheticData.encode(SyntheticData.tagged(100, 2), tokenizer, CONFIG.labels());
    try (Model model = Model.create(CONFIG, tokenizer, 7)) {
      model.compile(Optimizer.adamW(), TaskDefaults.loss(CONFIG.problemType()),
          List.of(Metric.accuracy(), Metric.f1(Average.MICRO), Metric.f1PerClass()));
      Map<String, float[]> before = model.weights();
      FitConfig fit = FitConfig.builder().epochs(3).batchSize(16).learningRate(2e-3).warmupRatio(0.1)
          .metricForBestModel("f1_micro").loadBestModelAtEnd(true).build();
      History history = model.fit(train, test, fit);

      assertThat(history.values("eval_f1_micro")).hasSize(3);
      Evaluation evaluation = model.evaluate(test, 32, 0.5);
      assertThat(evaluation.metrics())
          .containsKeys("accuracy", "f1_micro", "f1_GOOD", "f1_DAY")
          .doesNotContainKey("f1_O");
      EntityReport report = evaluation.entityReport(ReportOptions.defaults());
      assertThat(report.sentences()).isEqualTo(100);
      assertThat(report.entities().average(Average.MICRO).orElseThrow().f1())
          .isEqualTo(evaluation.metrics().get("f1_micro"))
          .isGreaterThanOrEqualTo(0.95);
      assertThat(report.entities().average(Average.MICRO).orElseThrow().support()).isEqualTo(200);
      Map<String, float[]> after = model.weights();
      assertThat(after.get("bert/pooler/dense/kernel")).isEqualTo(before.get("bert/pooler/dense/kernel"));
      assertThat(after.get("classifier/kernel")).isNotEqualTo(before.get("classifier/kernel"));
    }
  }
}

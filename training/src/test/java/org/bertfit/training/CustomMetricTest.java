package org.bertfit.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bertfit.datasets.Dataset;
import org.bertfit.datasets.EncodedDataset;
import org.bertfit.datasets.Task;
import org.bertfit.evaluation.Accumulator;
import org.bertfit.evaluation.Average;
import org.bertfit.evaluation.Evaluator;
import org.bertfit.evaluation.LabelSet;
import org.bertfit.evaluation.PredictionBatch;
import org.bertfit.evaluation.ReportOptions;
import org.bertfit.evaluation.ScoreBuffer;
import org.bertfit.evaluation.ZeroDivision;
import org.bertfit.models.BertConfig;
import org.bertfit.training.callbacks.CsvLogger;
import org.bertfit.training.callbacks.EarlyStopping;
import org.bertfit.training.callbacks.TensorBoard;
import org.bertfit.training.metrics.Metric;
import org.bertfit.training.optimizers.Optimizer;
import org.bertfit.training.tasks.TaskDefaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A metric written here, on the {@link Metric} contract alone, drives {@code fit}: it is logged
 * (history, CSV, TensorBoard), stops training early and picks the weights kept; at every evaluation its value and the built-in
 * macro F1 equal what the evaluation module gives on the model's own predictions at that moment.
 */
class CustomMetricTest {
  private static final int BAD = 1;
  private static final double MIN_PRECISION = 0.9;

  @TempDir Path dir;

  /** Recall of one class at the lowest score threshold whose precision reaches a floor. */
  static final class RecallAtPrecision implements Metric {
    private final List<double[]> scored = new ArrayList<>(); // {score, 1 if the class is true}

    @Override
    public String name() {
      return "recall_bad_at_p90";
    }

    @Override
    public void update(PredictionBatch batch) {
      for (int i = 0; i < batch.size(); i++) {
        scored.add(new double[] {batch.probability(i, BAD), batch.isTrue(i, BAD) ? 1 : 0});
      }
    }

    @Override
    public double result() {
      return recallAtPrecision(scored);
    }

    @Override
    public void reset() {
      scored.clear();
    }

    @Override
    public void merge(Metric other) {
      scored.addAll(((RecallAtPrecision) other).scored);
    }

    @Override
    public Metric fresh() {
      return new RecallAtPrecision();
    }
  }

  /** The best recall over thresholds at the observed scores, among those with precision >= 0.9. */
  static double recallAtPrecision(List<double[]> scored) {
    List<double[]> sorted = new ArrayList<>(scored);
    sorted.sort((a, b) -> Double.compare(b[0], a[0]));
    double positives = sorted.stream().mapToDouble(s -> s[1]).sum();
    double best = 0;
    double truePositives = 0;
    for (int i = 0; i < sorted.size(); i++) {
      truePositives += sorted.get(i)[1];
      boolean lastOfTies = i + 1 == sorted.size() || sorted.get(i + 1)[0] < sorted.get(i)[0];
      if (lastOfTies && truePositives / (i + 1) >= MIN_PRECISION) {
        best = Math.max(best, truePositives / positives);
      }
    }
    return positives == 0 ? Double.NaN : best;
  }

  @Test
  void recallAtPrecisionByHand() {
    // scores 0.9 (bad), 0.8 (bad), 0.7 (not), 0.6 (bad): precision 1, 1, 2/3, 3/4 -> recall 2/3
    List<double[]> scored = List.of(
        new double[] {0.7, 0}, new double[] {0.9, 1}, new double[] {0.6, 1}, new double[] {0.8, 1});
    assertThat(recallAtPrecision(scored)).isEqualTo(2.0 / 3);
  }

  @Test
  void isLoggedStopsEarlyAndKeepsTheBestModel() throws IOException {
    String tokenizer = SyntheticData.tokenizerJson(dir);
    BertConfig config = SyntheticData.config(Task.SINGLE_LABEL, 3);
    EncodedDataset train = SyntheticData.encode(SyntheticData.singleLabel(240, 3, 1), tokenizer, config.labels());
    Dataset validationData = SyntheticData.singleLabel(120, 3, 2);
    EncodedDataset validation = SyntheticData.encode(validationData, tokenizer, config.labels());
    LabelSet labels = LabelSet.of(config.labels());
    int[] truth = validationData.examples().stream().mapToInt(e -> labels.id(e.labels().get(0))).toArray();
    Metric metric = new RecallAtPrecision();
    List<Map<String, Double>> references = new ArrayList<>();
    try (Model model = Model.create(config, tokenizer, 7)) {
      model.compile(Optimizer.adamW(), TaskDefaults.loss(config.problemType()), List.of(metric, Metric.f1(Average.MACRO)));
      Callback reference = new Callback() {
        @Override
        public void onEvaluate(TrainingState state, Map<String, Double> metrics) {
          references.add(reference(model, validation, truth, labels));
        }
      };
      FitConfig fit = FitConfig.builder().epochs(12).batchSize(16).learningRate(1e-3).loggingSteps(5)
          .loadBestModelAtEnd(true).metricForBestModel(metric.name()).build();
      History history = model.fit(train, validation, fit, reference, new EarlyStopping(metric, 2, 0.0),
          new CsvLogger(dir.resolve("log.csv")), new TensorBoard(dir.resolve("tensorboard")));

      List<Double> logged = history.values("eval_recall_bad_at_p90");
      assertThat(history.values("recall_bad_at_p90")).isNotEmpty();
      assertThat(logged).hasSizeLessThan(12).hasSameSizeAs(references);
      for (int i = 0; i < logged.size(); i++) {
        assertThat(logged.get(i)).as("evaluation %d", i).isEqualTo(references.get(i).get("eval_recall_bad_at_p90"));
        assertThat(history.values("eval_f1_macro").get(i)).as("evaluation %d", i)
            .isEqualTo(references.get(i).get("eval_f1_macro"));
      }
      double best = logged.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
      int bestIndex = logged.indexOf(best);
      assertThat(logged).hasSize(bestIndex + 1 + 2); // two evaluations without improvement, then stop
      assertThat(Files.readAllLines(dir.resolve("log.csv")).get(0).split(","))
          .contains("recall_bad_at_p90", "eval_recall_bad_at_p90");
      try (Stream<Path> events = Files.walk(dir.resolve("tensorboard"))) {
        assertThat(events.filter(Files::isRegularFile).map(CustomMetricTest::latin1))
            .anyMatch(text -> text.contains("eval/recall_bad_at_p90"));
      }
      // the weights kept are those of the best evaluation, not the last (their predictions differ)
      assertThat(reference(model, validation, truth, labels)).isEqualTo(references.get(bestIndex))
          .isNotEqualTo(references.get(references.size() - 1));
    }
  }

  /**
   * The custom metric and macro F1 from the evaluation module, on the model's predictions now, and
   * the sum of the probabilities of BAD (which tells the weights apart).
   */
  private static Map<String, Double> reference(
      Model model, EncodedDataset validation, int[] truth, LabelSet labels) {
    Accumulator predicted = accumulate(model.predict(validation, 32), truth, labels);
    Evaluator evaluator = Evaluator.builder()
        .options(ReportOptions.builder().zeroDivision(ZeroDivision.ZERO).build()).build();
    return Map.of(
        "eval_recall_bad_at_p90", recallAtPrecision(scored(predicted.scores())),
        "eval_f1_macro",
        predicted.report(evaluator).classification().average(Average.MACRO).orElseThrow().f1(),
        "probability_sum", scored(predicted.scores()).stream().mapToDouble(s -> s[0]).sum());
  }

  private static String latin1(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Accumulator accumulate(Predictions predictions, int[] truth, LabelSet labels) {
    float[] flat = new float[truth.length * labels.size()];
    for (int i = 0; i < truth.length; i++) {
      System.arraycopy(predictions.probabilities()[i], 0, flat, i * labels.size(), labels.size());
    }
    Accumulator accumulator = Accumulator.singleLabel(labels, true);
    accumulator.update(PredictionBatch.classes(labels, truth, predictions.argmax(), flat));
    return accumulator;
  }

  private static List<double[]> scored(ScoreBuffer scores) {
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < scores.size(); i++) {
      out.add(new double[] {scores.score(i, BAD), scores.isTarget(i, BAD) ? 1 : 0});
    }
    return out;
  }
}

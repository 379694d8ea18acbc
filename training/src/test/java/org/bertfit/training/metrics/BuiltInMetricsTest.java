package org.bertfit.training.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bertfit.evaluation.Average;
import org.bertfit.evaluation.LabelSet;
import org.bertfit.evaluation.PredictionBatch;
import org.bertfit.evaluation.Thresholds;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The built-in metrics against scikit-learn (run here on the same predictions, zero_division=0),
 * fed in four batches, and fed in two halves merged.
 */
class BuiltInMetricsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LabelSet LABELS = LabelSet.of(List.of("a", "b", "c"));
  private static final String SCRIPT = String.join("\n",
      "import json, sys",
      "import numpy as np",
      "from sklearn import metrics as m",
      "d = json.load(sys.stdin)",
      "s, ml = d['single'], d['multi']",
      "t, p, pr = np.array(s['truth']), np.array(s['predicted']), np.array(s['probabilities'])",
      "out = {'accuracy': m.accuracy_score(t, p)}",
      "for avg in ['macro', 'micro', 'weighted']:",
      "    out['precision_' + avg] = m.precision_score(t, p, average=avg, zero_division=0)",
      "    out['recall_' + avg] = m.recall_score(t, p, average=avg, zero_division=0)",
      "    out['f1_' + avg] = m.f1_score(t, p, average=avg, zero_division=0)",
      "out['f2_macro'] = m.fbeta_score(t, p, beta=2, average='macro', zero_division=0)",
      "out['f0.5_weighted'] = m.fbeta_score(t, p, beta=0.5, average='weighted', zero_division=0)",
      "for c, name in enumerate('abc'):",
      "    out['f1_' + name] = m.f1_score(t, p, labels=[c], average=None, zero_division=0)[0]",
      "out['recall_c'] = m.recall_score(t, p, labels=[2], average=None, zero_division=0)[0]",
      "out['roc_auc_macro'] = m.roc_auc_score(t, pr, multi_class='ovr', average='macro')",
      "out['roc_auc_weighted'] = m.roc_auc_score(t, pr, multi_class='ovr', average='weighted')",
      "T, P, PR = np.array(ml['truth']), np.array(ml['predicted']), np.array(ml['probabilities'])",
      "multi = {'accuracy': m.accuracy_score(T, P)}",
      "for avg in ['samples', 'micro', 'macro']:",
      "    multi['f1_' + avg] = m.f1_score(T, P, average=avg, zero_division=0)",
      "    multi['precision_' + avg] = m.precision_score(T, P, average=avg, zero_division=0)",
      "multi['f2_samples'] = m.fbeta_score(T, P, beta=2, average='samples', zero_division=0)",
      "multi['roc_auc_micro'] = m.roc_auc_score(T, PR, average='micro')",
      "multi['roc_auc_macro'] = m.roc_auc_score(T, PR, average='macro')",
      "json.dump({'single': out, 'multi': multi}, sys.stdout)");

  @Test
  void equalScikitLearnFedInBatchesAndMerged() throws Exception {
    Random random = new Random(17);
    List<PredictionBatch> single = new ArrayList<>();
    List<PredictionBatch> multi = new ArrayList<>();
    Map<String, List<Object>> singleData = data();
    Map<String, List<Object>> multiData = data();
    Thresholds thresholds = Thresholds.uniform(LABELS, Thresholds.DEFAULT);
    for (int b = 0; b < 4; b++) {
      single.add(singleLabelBatch(random, 15, singleData));
      multi.add(multiLabelBatch(random, 12, thresholds, multiData));
    }
    JsonNode expected = scikitLearn(Map.of("single", singleData, "multi", multiData));

    check(List.of(Metric.accuracy(), Metric.precision(Average.MACRO), Metric.recall(Average.MACRO),
            Metric.f1(Average.MACRO), Metric.f1(Average.MICRO), Metric.f1(Average.WEIGHTED),
            Metric.precision(Average.WEIGHTED), Metric.recall(Average.MICRO),
            Metric.fBeta(2, Average.MACRO), Metric.fBeta(0.5, Average.WEIGHTED),
            Metric.f1PerClass(), Metric.recall("c"), Metric.rocAuc(Average.MACRO),
            Metric.rocAuc(Average.WEIGHTED)),
        single, expected.get("single"));
    check(List.of(Metric.accuracy(), Metric.f1(Average.SAMPLES), Metric.precision(Average.SAMPLES),
            Metric.f1(Average.MICRO), Metric.precision(Average.MICRO), Metric.f1(Average.MACRO),
            Metric.precision(Average.MACRO), Metric.fBeta(2, Average.SAMPLES), Metric.rocAuc(Average.MICRO),
            Metric.rocAuc(Average.MACRO)),
        multi, expected.get("multi"));
  }

  /** Each metric fed every batch, and fed in two halves merged, against the reference values. */
  private static void check(List<Metric> metrics, List<PredictionBatch> batches, JsonNode expected) {
    for (Metric metric : metrics) {
      Metric whole = metric.fresh();
      Metric half = metric.fresh();
      Metric other = metric.fresh();
      for (int b = 0; b < batches.size(); b++) {
        whole.update(batches.get(b));
        (b < 2 ? half : other).update(batches.get(b));
      }
      half.merge(other);
      assertThat(half.results()).as(metric.name()).isEqualTo(whole.results());
      whole.results().forEach((name, value) -> assertThat(value).as(name)
          .isCloseTo(expected.get(name).asDouble(), within(1e-12)));
      whole.reset();
      assertThat(whole.results()).as(metric.name() + " after reset")
          .allSatisfy((name, value) -> assertThat(value).isIn(0.0, Double.NaN));
    }
  }

  @Test
  void parsesTheNamesItLogs() {
    for (Metric m : List.of(Metric.accuracy(), Metric.f1(Average.MACRO), Metric.recall(Average.SAMPLES),
        Metric.fBeta(2, Average.MICRO), Metric.fBeta(0.5, Average.WEIGHTED), Metric.f1PerClass(),
        Metric.rocAuc(Average.WEIGHTED))) {
      assertThat(Metric.parse(m.name()).name()).isEqualTo(m.name());
    }
    assertThat(Metric.fBeta(0.5, Average.MACRO).name()).isEqualTo("f0.5_macro");
    assertThatThrownBy(() -> Metric.parse("f1_mean"))
        .hasMessageStartingWith("unknown metric 'f1_mean'; known: accuracy,");
    assertThatThrownBy(() -> Metric.f1(Average.MACRO).merge(Metric.accuracy()))
        .hasMessage("cannot merge accuracy into f1_macro");
  }

  private static Map<String, List<Object>> data() {
    Map<String, List<Object>> out = new LinkedHashMap<>();
    out.put("truth", new ArrayList<>());
    out.put("predicted", new ArrayList<>());
    out.put("probabilities", new ArrayList<>());
    return out;
  }

  private static PredictionBatch singleLabelBatch(Random random, int n, Map<String, List<Object>> data) {
    int[] truth = new int[n];
    int[] predicted = new int[n];
    float[] probabilities = new float[n * 3];
    for (int i = 0; i < n; i++) {
      truth[i] = random.nextInt(3);
      float[] row = {1 + random.nextInt(20), 1 + random.nextInt(20), 1 + random.nextInt(20)};
      float sum = row[0] + row[1] + row[2];
      for (int c = 0; c < 3; c++) {
        probabilities[i * 3 + c] = row[c] / sum;
        predicted[i] = row[c] > row[predicted[i]] ? c : predicted[i];
      }
      data.get("truth").add(truth[i]);
      data.get("predicted").add(predicted[i]);
      data.get("probabilities").add(doubles(probabilities, i * 3));
    }
    return PredictionBatch.classes(LABELS, truth, predicted, probabilities);
  }

  private static PredictionBatch multiLabelBatch(
      Random random, int n, Thresholds thresholds, Map<String, List<Object>> data) {
    int[] truth = new int[n * 3];
    int[] predicted = new int[n * 3];
    float[] probabilities = new float[n * 3];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < 3; c++) {
        truth[i * 3 + c] = random.nextInt(3) == 0 ? 1 : 0;
        probabilities[i * 3 + c] = random.nextInt(100) / 100f;
      }
      System.arraycopy(thresholds.apply(doubles(probabilities, i * 3)), 0, predicted, i * 3, 3);
      data.get("truth").add(new int[] {truth[i * 3], truth[i * 3 + 1], truth[i * 3 + 2]});
      data.get("predicted").add(new int[] {predicted[i * 3], predicted[i * 3 + 1], predicted[i * 3 + 2]});
      data.get("probabilities").add(doubles(probabilities, i * 3));
    }
    return PredictionBatch.labelSets(LABELS, truth, predicted, probabilities, thresholds);
  }

  private static double[] doubles(float[] values, int offset) {
    return new double[] {values[offset], values[offset + 1], values[offset + 2]};
  }

  private static JsonNode scikitLearn(Object input) throws IOException, InterruptedException {
    Path python = Path.of("/usr/bin/python3");
    Assumptions.assumeTrue(Files.isExecutable(python), "no /usr/bin/python3: skipped");
    Process process = new ProcessBuilder(python.toString(), "-c", SCRIPT).start();
    process.getOutputStream().write(JSON.writeValueAsBytes(input));
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    int status = process.waitFor();
    Assumptions.assumeFalse(err.contains("No module named 'sklearn'"), "scikit-learn is not installed: skipped");
    assertThat(status).as(err).isZero();
    return JSON.readTree(out);
  }
}

package org.bertfit.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bertfit.evaluation.Calibration.Binning;
import org.bertfit.evaluation.Calibration.Curve;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Reliability bins, ECE, MCE, Brier scores and fitted temperatures against scikit-learn's
 * calibration_curve and brier_score_loss and SciPy's minimiser, on the seeded random cases of
 * src/test/python/make_calibration_golden.py (200 of each kind).
 */
class CalibrationGoldenTest {
  private static final double TOLERANCE = 1e-12;

  @TestFactory
  Stream<DynamicTest> matchesScikitLearn() throws IOException {
    JsonNode golden;
    try (InputStream in = getClass().getResourceAsStream("/golden/calibration.json")) {
      golden = new ObjectMapper().readTree(in);
    }
    List<DynamicTest> tests = new ArrayList<>();
    JsonNode multiClass = golden.get("multiclass");
    JsonNode multiLabel = golden.get("multilabel");
    assertThat(multiClass.size()).isGreaterThanOrEqualTo(200);
    assertThat(multiLabel.size()).isGreaterThanOrEqualTo(200);
    for (int i = 0; i < multiClass.size(); i++) {
      JsonNode c = multiClass.get(i);
      tests.add(DynamicTest.dynamicTest("multiclass #" + i, () -> checkMultiClass(c)));
    }
    for (int i = 0; i < multiLabel.size(); i++) {
      JsonNode c = multiLabel.get(i);
      tests.add(DynamicTest.dynamicTest("multilabel #" + i, () -> checkMultiLabel(c)));
    }
    return tests.stream();
  }

  private static void checkMultiClass(JsonNode c) {
    JsonNode weights = c.get("weights");
    int k = weights.get(0).size();
    ScoreBuffer scores = ScoreBuffer.multiClass(k);
    for (int i = 0; i < weights.size(); i++) {
      double sum = 0;
      for (JsonNode w : weights.get(i)) {
        sum += w.asDouble();
      }
      double[] row = new double[k];
      for (int j = 0; j < k; j++) {
        row[j] = weights.get(i).get(j).asDouble() / sum;
      }
      scores.add(c.get("y").get(i).asInt(), row);
    }
    for (JsonNode expected : c.get("top_label")) {
      check(Calibration.topLabel(scores, expected.get("bins").asInt(), binning(expected)), expected);
    }
    assertThat(Calibration.brier(scores)).isCloseTo(c.get("brier").asDouble(), within(1e-12));
    double[][] logits = matrix(c.get("logits"));
    int[] y = new int[logits.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = c.get("y").get(i).asInt();
    }
    // Where the data are separable the likelihood keeps falling as T -> 0 and SciPy stops anywhere
    // on the flat floor: the fitted temperature must be at least as likely as SciPy's.
    double fitted = TemperatureScaling.fitSoftmax(logits, y);
    assertThat(softmaxNll(logits, y, fitted))
        .isLessThanOrEqualTo(softmaxNll(logits, y, c.get("temperature").asDouble()) + 1e-12);
  }

  private static void checkMultiLabel(JsonNode c) {
    JsonNode tenths = c.get("tenths");
    int k = tenths.get(0).size();
    ScoreBuffer scores = ScoreBuffer.multiLabel(k);
    for (int i = 0; i < tenths.size(); i++) {
      double[] row = new double[k];
      int[] truth = new int[k];
      for (int j = 0; j < k; j++) {
        row[j] = tenths.get(i).get(j).asInt() / 10.0;
        truth[j] = c.get("y").get(i).get(j).asInt();
      }
      scores.add(truth, row);
    }
    for (int label = 0; label < k; label++) {
      for (JsonNode expected : c.get("labels").get(label)) {
        check(Calibration.label(scores, label, expected.get("bins").asInt(), binning(expected)), expected);
      }
      assertThat(Calibration.brier(scores, label)).isCloseTo(c.get("label_brier").get(label).asDouble(), within(1e-12));
    }
    assertThat(Calibration.brier(scores)).isCloseTo(c.get("brier").asDouble(), within(1e-12));
    double[] logits = new double[tenths.size()];
    boolean[] positive = new boolean[logits.length];
    for (int i = 0; i < logits.length; i++) {
      logits[i] = c.get("logits").get(i).asDouble();
      positive[i] = c.get("y").get(i).get(0).asInt() == 1;
    }
    double fitted = TemperatureScaling.fitSigmoid(logits, positive);
    assertThat(sigmoidNll(logits, positive, fitted))
        .isLessThanOrEqualTo(sigmoidNll(logits, positive, c.get("temperature").asDouble()) + 1e-12);
  }

  private static void check(Curve actual, JsonNode expected) {
    String what = expected.get("strategy").asText() + " " + expected.get("bins").asInt() + " bins";
    assertThat(actual.bins()).as(what + ": non-empty bins").hasSize(expected.get("counts").size());
    for (int b = 0; b < actual.bins().size(); b++) {
      Calibration.Bin bin = actual.bins().get(b);
      assertThat(bin.count()).as(what + " bin " + b + " count").isEqualTo(expected.get("counts").get(b).asInt());
      assertThat(bin.accuracy()).as(what + " bin " + b + " accuracy")
          .isCloseTo(expected.get("accuracy").get(b).asDouble(), within(TOLERANCE));
      assertThat(bin.meanConfidence()).as(what + " bin " + b + " confidence")
          .isCloseTo(expected.get("confidence").get(b).asDouble(), within(TOLERANCE));
    }
    assertThat(actual.ece()).as(what + " ECE").isCloseTo(expected.get("ece").asDouble(), within(TOLERANCE));
    assertThat(actual.mce()).as(what + " MCE").isCloseTo(expected.get("mce").asDouble(), within(TOLERANCE));
  }

  private static double softmaxNll(double[][] logits, int[] y, double t) {
    double total = 0;
    for (int i = 0; i < y.length; i++) {
      total -= Math.log(TemperatureScaling.softmax(logits[i], t)[y[i]]);
    }
    return total / y.length;
  }

  private static double sigmoidNll(double[] logits, boolean[] positive, double t) {
    double total = 0;
    for (int i = 0; i < logits.length; i++) {
      double p = TemperatureScaling.sigmoid(logits[i], t);
      total -= Math.log(positive[i] ? p : 1 - p);
    }
    return total / logits.length;
  }

  private static Binning binning(JsonNode expected) {
    return expected.get("strategy").asText().equals("uniform") ? Binning.EQUAL_WIDTH : Binning.EQUAL_MASS;
  }

  private static double[][] matrix(JsonNode rows) {
    double[][] m = new double[rows.size()][];
    for (int i = 0; i < m.length; i++) {
      m[i] = new double[rows.get(i).size()];
      for (int j = 0; j < m[i].length; j++) {
        m[i][j] = rows.get(i).get(j).asDouble();
      }
    }
    return m;
  }

  @Test
  void handComputedCase() {
    // Confidences 0.9 (correct), 0.8 (wrong), 0.6 (correct), 0.3 (wrong); two equal-width bins:
    // [0, 0.5]: {0.3 wrong} gap 0.3; (0.5, 1]: {0.9 ok, 0.8 wrong, 0.6 ok} accuracy 2/3, confidence 2.3/3.
    Curve curve = Calibration.curve(new double[] {0.9, 0.8, 0.6, 0.3},
        new boolean[] {true, false, true, false}, 2, Binning.EQUAL_WIDTH);
    assertThat(curve.bins()).hasSize(2);
    double gapHigh = Math.abs(2.0 / 3 - 2.3 / 3);
    assertThat(curve.ece()).isCloseTo(0.25 * 0.3 + 0.75 * gapHigh, within(1e-12));
    assertThat(curve.mce()).isCloseTo(0.3, within(1e-12));
  }

  @Test
  void temperatureScalingKeepsPredictionsAndSharpensUnderconfidentLogits() {
    // Logits divided by 4: the right classes are predicted, too softly; the fit finds T near 1/4.
    java.util.Random random = new java.util.Random(3);
    int n = 4000;
    double[][] logits = new double[n][3];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      double[] sharp = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
      double[] p = TemperatureScaling.softmax(sharp, 1);
      double u = random.nextDouble();
      y[i] = u < p[0] ? 0 : u < p[0] + p[1] ? 1 : 2;
      for (int c = 0; c < 3; c++) {
        logits[i][c] = sharp[c] / 4;
      }
    }
    assertThat(TemperatureScaling.fitSoftmax(logits, y)).isCloseTo(0.25, within(0.02));
  }

  @Test
  void probabilitiesOutsideTheUnitIntervalAreRefused() {
    assertThatThrownBy(() -> Calibration.curve(new double[] {0.5, Double.NaN}, new boolean[] {true, false}, 10,
        Binning.EQUAL_WIDTH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("probability 1 is NaN");
    assertThatThrownBy(() -> Calibration.curve(new double[] {1.5}, new boolean[] {true}, 10, Binning.EQUAL_MASS))
        .hasMessageContaining("probability 0 is 1.5");
  }
}

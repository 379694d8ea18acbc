package org.bertfit.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * ROC and precision-recall points, and F1 by threshold, against scikit-learn's roc_curve
 * (drop_intermediate=False) and precision_recall_curve on the seeded cases of src/test/python/make_curves_golden.py (tied
 * scores, cases without positives or negatives).
 */
class BinaryCurvesPointsTest {
  @TestFactory
  Stream<DynamicTest> matchesScikitLearn() throws IOException {
    JsonNode golden;
    try (InputStream in = getClass().getResourceAsStream("/golden/curves.json")) {
      golden = new ObjectMapper().readTree(in);
    }
    assertThat(golden.size()).isGreaterThanOrEqualTo(200);
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < golden.size(); i++) {
      JsonNode c = golden.get(i);
      tests.add(DynamicTest.dynamicTest("case #" + i, () -> check(c)));
    }
    return tests.stream();
  }

  private static void check(JsonNode c) {
    int n = c.get("y").size();
    boolean[] positive = new boolean[n];
    double[] score = new double[n];
    for (int i = 0; i < n; i++) {
      positive[i] = c.get("y").get(i).asInt() == 1;
      score[i] = c.get("score").get(i).asDouble();
    }
    BinaryCurves.Points roc = BinaryCurves.roc(positive, score);
    assertThat(roc.x()).as("roc points").hasSize(c.get("fpr").size());
    assertClose("fpr", roc.x(), c.get("fpr"), 0);
    assertClose("tpr", roc.y(), c.get("tpr"), 0);
    assertThat(roc.thresholds()[0]).as("no threshold gives (0, 0)").isNaN();
    assertClose("roc thresholds", roc.thresholds(), c.get("roc_thresholds"), 1);
    BinaryCurves.Points pr = BinaryCurves.precisionRecall(positive, score);
    assertThat(pr.x()).as("pr points").hasSize(c.get("recall").size());
    assertClose("recall", pr.x(), c.get("recall"), 0);
    assertClose("precision", pr.y(), c.get("precision"), 0);
    assertThat(pr.thresholds()[pr.thresholds().length - 1]).as("the last point's").isNaN();
    assertClose("pr thresholds", pr.thresholds(), c.get("pr_thresholds"), 0);
    // F1 from scikit-learn's precision and recall at each threshold (ascending there, descending
    // here), 0 where both are 0.
    BinaryCurves.Points f1 = BinaryCurves.f1ByThreshold(BinaryCurves.counts(positive, score));
    int m = c.get("pr_thresholds").size();
    assertThat(f1.y()).hasSize(m);
    for (int t = 0; t < m; t++) {
      double p = c.get("precision").get(m - 1 - t).asDouble();
      double r = c.get("recall").get(m - 1 - t).asDouble();
      assertThat(f1.x()[t]).isEqualTo(c.get("pr_thresholds").get(m - 1 - t).asDouble());
      assertThat(f1.y()[t]).as("F1 at " + f1.x()[t])
          .isCloseTo(p + r == 0 ? 0 : 2 * p * r / (p + r), within(1e-12));
    }
  }

  /** {@code actual[from + i]} equals {@code expected[i]} (null meaning NaN). */
  private static void assertClose(String what, double[] actual, JsonNode expected, int from) {
    assertThat(actual.length).as(what + " length").isGreaterThanOrEqualTo(from + expected.size());
    for (int i = 0; i < expected.size(); i++) {
      double a = actual[i + from];
      if (expected.get(i).isNull()) {
        assertThat(a).as(what + " " + i).isNaN();
      } else {
        assertThat(a).as(what + " " + i).isCloseTo(expected.get(i).asDouble(), within(1e-12));
      }
    }
  }

  @Test
  void handComputedCurves() {
    // scores 0.8 (+), 0.4 (-), 0.4 (+), 0.1 (-): thresholds 0.8, 0.4, 0.1 give (tp, fp) = (1, 0),
    // (2, 1), (2, 2).
    boolean[] positive = {true, false, true, false};
    double[] score = {0.8, 0.4, 0.4, 0.1};
    BinaryCurves.Points roc = BinaryCurves.roc(positive, score);
    assertThat(roc.x()).containsExactly(0, 0, 0.5, 1);
    assertThat(roc.y()).containsExactly(0, 0.5, 1, 1);
    BinaryCurves.Points pr = BinaryCurves.precisionRecall(positive, score);
    assertThat(pr.x()).containsExactly(1, 1, 0.5, 0);
    assertThat(pr.y()).containsExactly(0.5, 2.0 / 3, 1, 1);
    assertThat(pr.thresholds()).containsExactly(0.1, 0.4, 0.8, Double.NaN);
  }
}

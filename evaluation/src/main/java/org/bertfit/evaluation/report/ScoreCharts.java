package org.bertfit.evaluation.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.bertfit.evaluation.Calibration;
import org.bertfit.evaluation.Calibration.Binning;
import org.bertfit.evaluation.EvaluationReport;
import org.bertfit.evaluation.LabelSet;
import org.bertfit.evaluation.ScoreBuffer;
import org.bertfit.evaluation.Thresholds;
import org.bertfit.evaluation.internal.BinaryCurves;
import org.bertfit.evaluation.internal.BinaryCurves.Counts;
import org.bertfit.evaluation.internal.Charts;
import org.bertfit.evaluation.internal.Decimals;

/**
 * The HTML report's charts of a report's scores: ROC and precision-recall curves per class
 * (one-vs-rest; a class without positives, or for ROC without negatives, has no curve), the
 * reliability diagram with its histogram of confidences, and for multi-label each label's F1
 * against the decision threshold, the report's thresholds marked.
 */
final class ScoreCharts {
  private ScoreCharts() {}

  /** Alt text to PNG data URI; empty when the report has no scores. */
  static Map<String, String> of(EvaluationReport report) {
    ScoreBuffer scores = report.scores();
    Map<String, String> charts = new LinkedHashMap<>();
    if (scores == null || scores.size() == 0) {
      return charts;
    }
    LabelSet labels = report.labels();
    Map<String, List<double[]>> roc = new LinkedHashMap<>();
    Map<String, List<double[]>> pr = new LinkedHashMap<>();
    Map<String, List<double[]>> f1 = new LinkedHashMap<>();
    Map<String, double[]> tuned = new LinkedHashMap<>();
    Map<String, List<Calibration.Bin>> reliability = new LinkedHashMap<>();
    for (int c = 0; c < scores.numClasses(); c++) {
      String name = labels.name(c);
      boolean[] positive = new boolean[scores.size()];
      double[] score = new double[scores.size()];
      for (int i = 0; i < score.length; i++) {
        positive[i] = scores.isTarget(i, c);
        score[i] = scores.score(i, c);
      }
      Counts counts = BinaryCurves.counts(positive, score);
      if (counts.positives() > 0 && counts.negatives() > 0) {
        roc.put(name + " (AUC " + Decimals.fixed(BinaryCurves.rocAuc(positive, score), 3) + ")",
            points(BinaryCurves.roc(counts)));
      }
      if (counts.positives() > 0) {
        pr.put(name + " (AP " + Decimals.fixed(BinaryCurves.averagePrecision(positive, score), 3)
            + ")", points(BinaryCurves.precisionRecall(counts)));
      }
      if (scores.isMultiLabel()) {
        f1.put(name, points(BinaryCurves.f1ByThreshold(counts)));
        threshold(report.thresholds(), name)
            .ifPresent(t -> tuned.put(name, new double[] {t, f1At(counts, t)}));
        reliability.put(name, Calibration.label(scores, c, Calibration.REPORT_BINS,
            Binning.EQUAL_WIDTH).bins());
      }
    }
    if (!scores.isMultiLabel()) {
      reliability.put("top label", Calibration.topLabel(scores, Calibration.REPORT_BINS,
          Binning.EQUAL_WIDTH).bins());
    }
    if (!roc.isEmpty()) {
      charts.put("ROC curves", Charts.unitCurves("ROC curves (one-vs-rest)",
          "false positive rate", "true positive rate", roc, true));
    }
    if (!pr.isEmpty()) {
      charts.put("precision-recall curves", Charts.unitCurves(
          "Precision-recall curves (one-vs-rest)", "recall", "precision", pr, false));
    }
    charts.put("reliability diagram", Charts.reliability("Reliability diagram ("
        + Calibration.REPORT_BINS + " equal-width bins) and confidences", reliability));
    if (scores.isMultiLabel()) {
      charts.put("F1 by threshold", Charts.thresholdCurves("F1 by decision threshold"
          + (tuned.isEmpty() ? "" : " (dots: the thresholds used)"), "F1", f1, tuned));
    }
    return charts;
  }

  private static List<double[]> points(BinaryCurves.Points curve) {
    List<double[]> out = new ArrayList<>(curve.x().length);
    for (int i = 0; i < curve.x().length; i++) {
      out.add(new double[] {curve.x()[i], curve.y()[i]});
    }
    return out;
  }

  /** F1 at threshold {@code t}: that of the lowest distinct score at least t (0 if none is). */
  private static double f1At(Counts counts, double t) {
    int at = -1;
    while (at + 1 < counts.thresholds().length && counts.thresholds()[at + 1] >= t) {
      at++;
    }
    return at < 0 ? 0 : BinaryCurves.f1ByThreshold(counts).y()[at];
  }

  private static OptionalDouble threshold(Thresholds thresholds, String label) {
    if (thresholds == null || !thresholds.labels().contains(label)) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(thresholds.values()[thresholds.labels().indexOf(label)]);
  }
}

package org.bertfit.evaluation.internal;

import java.util.Arrays;

/**
 * ROC-AUC, average precision and the ROC and precision-recall curves of one binary problem, as
 * scikit-learn computes them. Ties are grouped with {@link Double#compare}, so every loop advances
 * even over NaN (which never equals itself under {@code ==}); callers reject non-finite scores
 * before ({@code ScoreBuffer}).
 */
public final class BinaryCurves {
  private BinaryCurves() {}

  /**
   * Area under the ROC curve: the probability that a positive outranks a negative, ties counting
   * one half (equal to the trapezoidal area of the ROC curve). NaN when one class is missing.
   */
  public static double rocAuc(boolean[] positive, double[] score) {
    int[] order = Ranks.ascending(score);
    long positives = 0;
    double rankSum = 0;
    int i = 0;
    while (i < order.length) {
      int j = i;
      long groupPositives = 0;
      while (j < order.length && same(score, order[j], order[i])) {
        groupPositives += positive[order[j]] ? 1 : 0;
        j++;
      }
      rankSum += groupPositives * ((i + 1 + j) / 2.0);
      positives += groupPositives;
      i = j;
    }
    long negatives = order.length - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  /**
   * Average precision: the sum over distinct thresholds (highest first) of the recall gained times
   * the precision there. 0 when there is no positive, as scikit-learn 1.2.
   */
  public static double averagePrecision(boolean[] positive, double[] score) {
    Counts c = counts(positive, score);
    long totalPositives = c.positives();
    if (totalPositives == 0) {
      return 0.0;
    }
    double ap = 0;
    long previousTp = 0;
    for (int t = 0; t < c.thresholds().length; t++) {
      long tp = c.tp()[t];
      ap += ((double) (tp - previousTp) / totalPositives) * ((double) tp / (tp + c.fp()[t]));
      previousTp = tp;
    }
    return ap;
  }

  /**
   * Cumulative counts at each distinct score, highest first (scikit-learn's {@code
   * _binary_clf_curve}): predicting positive when the score is at least {@code thresholds[t]}
   * gives {@code tp[t]} true and {@code fp[t]} false positives.
   */
  public record Counts(double[] thresholds, long[] tp, long[] fp) {
    /** All positives: the true positives at the lowest threshold (0 without examples). */
    public long positives() {
      return tp.length == 0 ? 0 : tp[tp.length - 1];
    }

    /** All negatives. */
    public long negatives() {
      return fp.length == 0 ? 0 : fp[fp.length - 1];
    }
  }

  /** Points of a curve with the threshold that gives each (NaN where no threshold does). */
  public record Points(double[] x, double[] y, double[] thresholds) {}

  /** The counts of {@link Counts} for these outcomes and scores. */
  public static Counts counts(boolean[] positive, double[] score) {
    int[] order = Ranks.ascending(score);
    double[] thresholds = new double[order.length];
    long[] tps = new long[order.length];
    long[] fps = new long[order.length];
    int distinct = 0;
    long tp = 0;
    int i = order.length - 1;
    while (i >= 0) {
      int j = i;
      while (j >= 0 && same(score, order[j], order[i])) {
        tp += positive[order[j]] ? 1 : 0;
        j--;
      }
      thresholds[distinct] = score[order[i]];
      tps[distinct] = tp;
      fps[distinct] = order.length - 1 - j - tp;
      distinct++;
      i = j;
    }
    return new Counts(Arrays.copyOf(thresholds, distinct), Arrays.copyOf(tps, distinct),
        Arrays.copyOf(fps, distinct));
  }

  /**
   * The ROC curve (x: false positive rate, y: true positive rate) at every distinct threshold,
   * starting at (0, 0): scikit-learn's {@code roc_curve(drop_intermediate=False)}. A rate whose
   * denominator is zero is NaN, as there.
   */
  public static Points roc(boolean[] positive, double[] score) {
    return roc(counts(positive, score));
  }

  /** The ROC curve of {@link #roc(boolean[], double[])} from counts already made. */
  public static Points roc(Counts c) {
    int m = c.thresholds().length;
    double[] fpr = new double[m + 1];
    double[] tpr = new double[m + 1];
    double[] thresholds = new double[m + 1];
    thresholds[0] = Double.NaN;
    for (int t = 0; t < m; t++) {
      fpr[t + 1] = (double) c.fp()[t] / c.negatives();
      tpr[t + 1] = (double) c.tp()[t] / c.positives();
      thresholds[t + 1] = c.thresholds()[t];
    }
    fpr[0] = c.negatives() == 0 ? Double.NaN : 0;
    tpr[0] = c.positives() == 0 ? Double.NaN : 0;
    return new Points(fpr, tpr, thresholds);
  }

  /**
   * The precision-recall curve (x: recall, y: precision) as scikit-learn 1.2's {@code
   * precision_recall_curve}: every distinct threshold ascending, then the point (recall 0,
   * precision 1) without a threshold. Without positives recall is 1.
   */
  public static Points precisionRecall(boolean[] positive, double[] score) {
    return precisionRecall(counts(positive, score));
  }

  /** The curve of {@link #precisionRecall(boolean[], double[])} from counts already made. */
  public static Points precisionRecall(Counts c) {
    long all = c.positives();
    int m = c.thresholds().length;
    double[] recall = new double[m + 1];
    double[] precision = new double[m + 1];
    double[] thresholds = new double[m + 1];
    for (int t = m - 1, p = 0; t >= 0; t--, p++) {
      precision[p] = (double) c.tp()[t] / (c.tp()[t] + c.fp()[t]);
      recall[p] = all == 0 ? 1 : (double) c.tp()[t] / all;
      thresholds[p] = c.thresholds()[t];
    }
    precision[m] = 1;
    thresholds[m] = Double.NaN;
    return new Points(recall, precision, thresholds);
  }

  /**
   * F1 (y) when predicting positive at scores of at least each distinct threshold (x), highest
   * threshold first: 2 tp / (tp + fp + positives), 0 without positives.
   */
  public static Points f1ByThreshold(Counts c) {
    int m = c.thresholds().length;
    double[] f1 = new double[m];
    for (int t = 0; t < m; t++) {
      f1[t] = 2.0 * c.tp()[t] / (c.tp()[t] + c.fp()[t] + c.positives());
    }
    return new Points(c.thresholds().clone(), f1, c.thresholds().clone());
  }

  private static boolean same(double[] score, int a, int b) {
    return Double.compare(score[a], score[b]) == 0;
  }
}

package org.bertfit.evaluation.internal;

/**
 * ROC-AUC and average precision of one binary problem, as scikit-learn computes them. Ties are
 * grouped with {@link Double#compare}, so every loop advances even over NaN (which never equals
 * itself under {@code ==}); callers reject non-finite scores before ({@code ScoreBuffer}).
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
    int[] order = Ranks.ascending(score);
    long totalPositives = 0;
    for (boolean p : positive) {
      totalPositives += p ? 1 : 0;
    }
    if (totalPositives == 0) {
      return 0.0;
    }
    double ap = 0;
    long tp = 0;
    long seen = 0;
    int i = order.length - 1;
    while (i >= 0) {
      int j = i;
      long groupTp = 0;
      while (j >= 0 && same(score, order[j], order[i])) {
        groupTp += positive[order[j]] ? 1 : 0;
        j--;
      }
      seen += i - j;
      tp += groupTp;
      ap += ((double) groupTp / totalPositives) * ((double) tp / seen);
      i = j;
    }
    return ap;
  }

  private static boolean same(double[] score, int a, int b) {
    return Double.compare(score[a], score[b]) == 0;
  }
}

package org.bertfit.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * Precision, recall and F1 from {@link LabelCounts}, with scikit-learn's semantics. This is the one
 * implementation of the arithmetic: the training loop's metrics and the final report both call it.
 */
public final class PrecisionRecall {
  private PrecisionRecall() {}

  /** Ids {@code 0..n-1} of every label the counts know. */
  public static int[] allLabels(LabelCounts counts) {
    int[] all = new int[counts.numLabels()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    return all;
  }

  /** Scores of one label. */
  public static PrfScores of(LabelCounts counts, int label, ZeroDivision zd) {
    return PrfScores.fromCounts(
        counts.truePositives(label), counts.predicted(label), counts.actual(label), zd);
  }

  /** Scores of each selected label, in the order given. */
  public static List<PrfScores> perLabel(LabelCounts counts, int[] labels, ZeroDivision zd) {
    return perLabel(counts, labels, zd, 1);
  }

  private static List<PrfScores> perLabel(
      LabelCounts counts, int[] labels, ZeroDivision zd, double beta) {
    List<PrfScores> out = new ArrayList<>(labels.length);
    for (int label : labels) {
      out.add(of(counts, label, zd).withFBeta(beta));
    }
    return out;
  }

  /** The F1 of every label averaged, zero divisions giving 0: what a training log shows. */
  public static double f1(LabelCounts counts, Average average) {
    return average(counts, allLabels(counts), average, ZeroDivision.ZERO).f1();
  }

  /**
   * An average over the selected labels; its support is the sum of theirs. {@link Average#SAMPLES}
   * needs a {@link MultiLabelConfusion}.
   */
  public static PrfScores average(
      LabelCounts counts, int[] labels, Average average, ZeroDivision zd) {
    return average(counts, labels, average, zd, 1);
  }

  /**
   * As {@link #average(LabelCounts, int[], Average, ZeroDivision)}, with F-beta in place of F1:
   * averaged as scikit-learn's {@code fbeta_score} averages it (the F-beta of each label, or of
   * each example, averaged; micro: of the pooled counts).
   */
  public static PrfScores average(
      LabelCounts counts, int[] labels, Average average, ZeroDivision zd, double beta) {
    long support = 0;
    long predicted = 0;
    long tp = 0;
    for (int label : labels) {
      support += counts.actual(label);
      predicted += counts.predicted(label);
      tp += counts.truePositives(label);
    }
    switch (average) {
      case MICRO:
        return PrfScores.fromCounts(tp, predicted, support, zd).withFBeta(beta);
      case SAMPLES:
        if (!(counts instanceof MultiLabelConfusion multiLabel)) {
          throw new IllegalArgumentException("the samples average needs multi-label counts");
        }
        return multiLabel.samplesAverage(labels, zd, beta);
      case WEIGHTED:
        if (support == 0) {
          return weightedWithoutSupport(predicted, zd);
        }
        return mean(perLabel(counts, labels, zd, beta), support, true);
      default:
        return mean(perLabel(counts, labels, zd, beta), support, false);
    }
  }

  /** scikit-learn's answer when no selected label occurs in y_true (weights sum to zero). */
  private static PrfScores weightedWithoutSupport(long predicted, ZeroDivision zd) {
    double value = zd.value();
    return predicted == 0
        ? new PrfScores(value, value, value, 0)
        : new PrfScores(0.0, value, 0.0, 0);
  }

  private static PrfScores mean(List<PrfScores> rows, long support, boolean weighted) {
    double p = 0;
    double r = 0;
    double f = 0;
    double total = 0;
    for (PrfScores row : rows) {
      double w = weighted ? row.support() : 1;
      p += w * row.precision();
      r += w * row.recall();
      f += w * row.f1();
      total += w;
    }
    if (total == 0) {
      return new PrfScores(Double.NaN, Double.NaN, Double.NaN, support);
    }
    return new PrfScores(p / total, r / total, f / total, support);
  }
}

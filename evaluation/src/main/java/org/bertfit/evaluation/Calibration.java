package org.bertfit.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Whether predicted probabilities mean what they say: reliability bins, expected and maximum
 * calibration error (ECE, MCE) and the Brier score. Bins follow scikit-learn's {@code
 * calibration_curve}: equal-width edges over [0, 1] or equal-mass edges at the confidences'
 * percentiles (linear interpolation); a value on an inner edge falls in the lower bin; empty bins
 * are left out. ECE weighs each bin's |accuracy - mean confidence| by its share of the examples;
 * MCE is the largest of them.
 */
public final class Calibration {
  /** How bin edges are placed. */
  public enum Binning {
    /** {@code bins} intervals of width 1 / bins (scikit-learn's {@code strategy="uniform"}). */
    EQUAL_WIDTH,
    /** Edges at the confidences' quantiles (scikit-learn's {@code strategy="quantile"}). */
    EQUAL_MASS
  }

  /**
   * One non-empty bin.
   *
   * @param accuracy the share of its examples that are correct (positive, for one label)
   * @param meanConfidence the mean predicted probability of its examples
   */
  public record Bin(double lower, double upper, int count, double accuracy, double meanConfidence) {
    /** |accuracy - mean confidence|. */
    public double gap() {
      return Math.abs(accuracy - meanConfidence);
    }
  }

  /** The bins of one reliability diagram with its ECE and MCE. */
  public record Curve(Binning binning, List<Bin> bins, double ece, double mce) {
    public Curve {
      bins = List.copyOf(bins);
    }
  }

  /** The number of bins of the reports' ECE, MCE and reliability diagrams. */
  public static final int REPORT_BINS = 15;

  private Calibration() {}

  /**
   * Top-label calibration of a single-label problem: each example's confidence is its highest
   * probability, and it is correct when that class is the true one.
   */
  public static Curve topLabel(ScoreBuffer scores, int bins, Binning binning) {
    requireMultiClass(scores);
    int n = scores.size();
    double[] confidence = new double[n];
    boolean[] correct = new boolean[n];
    for (int i = 0; i < n; i++) {
      int best = 0;
      for (int c = 1; c < scores.numClasses(); c++) {
        if (scores.score(i, c) > scores.score(i, best)) {
          best = c;
        }
      }
      confidence[i] = scores.score(i, best);
      correct[i] = scores.isTarget(i, best);
    }
    return curve(confidence, correct, bins, binning);
  }

  /** Calibration of one label's probabilities against its presence (one-vs-rest, or multi-label). */
  public static Curve label(ScoreBuffer scores, int label, int bins, Binning binning) {
    int n = scores.size();
    double[] probability = new double[n];
    boolean[] positive = new boolean[n];
    for (int i = 0; i < n; i++) {
      probability[i] = scores.score(i, label);
      positive[i] = scores.isTarget(i, label);
    }
    return curve(probability, positive, bins, binning);
  }

  /**
   * The reliability curve of probabilities against 0/1 outcomes.
   *
   * @throws IllegalArgumentException if a probability is outside [0, 1] or not a number
   */
  public static Curve curve(double[] probability, boolean[] outcome, int bins, Binning binning) {
    if (bins < 1) {
      throw new IllegalArgumentException("bins must be at least 1; got " + bins);
    }
    if (probability.length != outcome.length || probability.length == 0) {
      throw new IllegalArgumentException("need as many outcomes as probabilities, at least one; got "
          + outcome.length + " and " + probability.length);
    }
    for (int i = 0; i < probability.length; i++) {
      if (!(probability[i] >= 0 && probability[i] <= 1)) {
        throw new IllegalArgumentException(
            "probability " + i + " is " + probability[i] + "; calibration needs values in [0, 1]");
      }
    }
    double[] edges = binning == Binning.EQUAL_WIDTH ? equalWidth(bins) : quantiles(probability, bins);
    int[] count = new int[bins];
    double[] positives = new double[bins];
    double[] sum = new double[bins];
    for (int i = 0; i < probability.length; i++) {
      int b = binOf(edges, probability[i]);
      count[b]++;
      sum[b] += probability[i];
      positives[b] += outcome[i] ? 1 : 0;
    }
    List<Bin> out = new ArrayList<>();
    double ece = 0;
    double mce = 0;
    for (int b = 0; b < bins; b++) {
      if (count[b] == 0) {
        continue;
      }
      Bin bin = new Bin(edges[b], edges[b + 1], count[b], positives[b] / count[b], sum[b] / count[b]);
      out.add(bin);
      ece += (double) count[b] / probability.length * bin.gap();
      mce = Math.max(mce, bin.gap());
    }
    return new Curve(binning, out, ece, mce);
  }

  /**
   * The Brier score: for a single-label problem the mean over examples of the squared distance
   * between the probability row and the one-hot truth (Brier's original, multi-class definition);
   * for a multi-label problem the mean over labels of each label's binary Brier score.
   */
  public static double brier(ScoreBuffer scores) {
    int n = scores.size();
    int k = scores.numClasses();
    if (n == 0) {
      throw new IllegalArgumentException("the Brier score needs at least one example");
    }
    double total = 0;
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < k; c++) {
        double d = scores.score(i, c) - (scores.isTarget(i, c) ? 1 : 0);
        total += d * d;
      }
    }
    return scores.isMultiLabel() ? total / n / k : total / n;
  }

  /** The binary Brier score of one label: mean (p - y)^2, as scikit-learn's brier_score_loss. */
  public static double brier(ScoreBuffer scores, int label) {
    double total = 0;
    for (int i = 0; i < scores.size(); i++) {
      double d = scores.score(i, label) - (scores.isTarget(i, label) ? 1 : 0);
      total += d * d;
    }
    return total / scores.size();
  }

  /** numpy.linspace(0, 1, bins + 1): {@code b * (1 / bins)}, the last edge exactly 1. */
  private static double[] equalWidth(int bins) {
    double step = 1.0 / bins;
    double[] edges = new double[bins + 1];
    for (int b = 0; b < bins; b++) {
      edges[b] = b * step;
    }
    edges[bins] = 1;
    return edges;
  }

  /**
   * numpy.percentile(p, linspace(0, 1, bins + 1) * 100) with its default linear method, operation
   * for operation, so that a value on an edge falls in the same bin as in scikit-learn.
   */
  private static double[] quantiles(double[] probability, int bins) {
    double[] sorted = probability.clone();
    Arrays.sort(sorted);
    double[] fractions = equalWidth(bins);
    double[] edges = new double[bins + 1];
    for (int b = 0; b <= bins; b++) {
      double position = (sorted.length - 1) * (fractions[b] * 100 / 100);
      int below = (int) Math.floor(position);
      int above = Math.min(below + 1, sorted.length - 1);
      double t = position - below;
      double diff = sorted[above] - sorted[below];
      edges[b] = t >= 0.5 ? sorted[above] - diff * (1 - t) : sorted[below] + diff * t;
    }
    return edges;
  }

  /** numpy.searchsorted(edges[1:-1], p): the number of inner edges strictly below p. */
  private static int binOf(double[] edges, double p) {
    int lo = 1;
    int hi = edges.length - 1; // inner edges are edges[1 .. length - 2]
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (edges[mid] < p) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo - 1;
  }

  private static void requireMultiClass(ScoreBuffer scores) {
    if (scores.isMultiLabel()) {
      throw new IllegalArgumentException("top-label calibration is for single-label problems; use label()");
    }
    if (scores.size() == 0) {
      throw new IllegalArgumentException("calibration needs at least one example");
    }
  }
}

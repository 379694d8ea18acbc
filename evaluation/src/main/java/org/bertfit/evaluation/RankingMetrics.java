package org.bertfit.evaluation;

import org.bertfit.evaluation.internal.BinaryCurves;

/**
 * Metrics over scores rather than decisions, with scikit-learn's semantics. A metric that
 * scikit-learn refuses (e.g. ROC-AUC of a class absent from y_true) is {@code NaN}.
 */
public final class RankingMetrics {
  /** Probabilities are clipped to [eps, 1 - eps] before the log, as scikit-learn's log_loss. */
  private static final double EPS = Math.ulp(1.0);

  private RankingMetrics() {}

  /** ROC-AUC of one label against the rest (binary: pass the positive class). */
  public static double rocAuc(ScoreBuffer buffer, int label) {
    return BinaryCurves.rocAuc(targets(buffer, label), scores(buffer, label));
  }

  /** Average precision of one label against the rest. */
  public static double averagePrecision(ScoreBuffer buffer, int label) {
    return BinaryCurves.averagePrecision(targets(buffer, label), scores(buffer, label));
  }

  /**
   * ROC-AUC of each label against the rest, averaged: {@code MACRO} or {@code WEIGHTED} (by
   * support) for one-vs-rest multi-class and multi-label; {@code MICRO} pools every (example,
   * label) decision. NaN when any label lacks positives or negatives.
   */
  public static double rocAuc(ScoreBuffer buffer, Average average) {
    return averaged(buffer, average, true);
  }

  /** Average precision of each label, averaged as {@link #rocAuc(ScoreBuffer, Average)}. */
  public static double averagePrecision(ScoreBuffer buffer, Average average) {
    return averaged(buffer, average, false);
  }

  /**
   * One-vs-one ROC-AUC (Hand and Till): for each pair of classes present in y_true, the mean of the
   * two AUCs computed on the examples of that pair; pairs averaged plainly ({@code MACRO}) or by
   * their share of examples ({@code WEIGHTED}). NaN with fewer than two classes present.
   */
  public static double rocAucOneVsOne(ScoreBuffer buffer, Average average) {
    requireMultiClass(buffer, "one-vs-one ROC-AUC");
    int k = buffer.numClasses();
    int[] trueClass = new int[buffer.size()];
    long[] support = new long[k];
    for (int i = 0; i < trueClass.length; i++) {
      trueClass[i] = buffer.trueClass(i);
      support[trueClass[i]]++;
    }
    double sum = 0;
    double weights = 0;
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        if (support[a] == 0 || support[b] == 0) {
          continue;
        }
        int m = (int) (support[a] + support[b]);
        boolean[] isA = new boolean[m];
        boolean[] isB = new boolean[m];
        double[] scoreA = new double[m];
        double[] scoreB = new double[m];
        int j = 0;
        for (int i = 0; i < trueClass.length; i++) {
          if (trueClass[i] == a || trueClass[i] == b) {
            isA[j] = trueClass[i] == a;
            isB[j] = !isA[j];
            scoreA[j] = buffer.score(i, a);
            scoreB[j] = buffer.score(i, b);
            j++;
          }
        }
        double pair = (BinaryCurves.rocAuc(isA, scoreA) + BinaryCurves.rocAuc(isB, scoreB)) / 2;
        double w = average == Average.WEIGHTED ? (double) m / trueClass.length : 1;
        sum += w * pair;
        weights += w;
      }
    }
    return weights == 0 ? Double.NaN : sum / weights;
  }

  /**
   * Mean cross-entropy of the true class (natural log); rows are clipped and renormalised as
   * scikit-learn 1.2 does.
   */
  public static double logLoss(ScoreBuffer buffer) {
    requireMultiClass(buffer, "log loss");
    int k = buffer.numClasses();
    double total = 0;
    for (int i = 0; i < buffer.size(); i++) {
      double rowSum = 0;
      for (int c = 0; c < k; c++) {
        rowSum += clip(buffer.score(i, c));
      }
      total += -Math.log(clip(buffer.score(i, buffer.trueClass(i))) / rowSum);
    }
    return buffer.size() == 0 ? Double.NaN : total / buffer.size();
  }

  /** Per-example loss as {@link #logLoss}: {@code -log p(true class)}, clipped and renormalised. */
  public static double exampleLoss(double[] probabilities, int trueClass) {
    double rowSum = 0;
    for (double p : probabilities) {
      rowSum += clip(p);
    }
    return -Math.log(clip(probabilities[trueClass]) / rowSum);
  }

  /**
   * Fraction of examples whose true class is among the {@code k} highest scores. Ties rank the
   * higher class id first, as scikit-learn's stable argsort reversed.
   */
  public static double topKAccuracy(ScoreBuffer buffer, int k) {
    requireMultiClass(buffer, "top-k accuracy");
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1; got " + k);
    }
    long hits = 0;
    for (int i = 0; i < buffer.size(); i++) {
      int t = buffer.trueClass(i);
      double s = buffer.score(i, t);
      int above = 0;
      for (int c = 0; c < buffer.numClasses(); c++) {
        double other = buffer.score(i, c);
        if (other > s || (other == s && c > t)) {
          above++;
        }
      }
      hits += above < k ? 1 : 0;
    }
    return buffer.size() == 0 ? Double.NaN : (double) hits / buffer.size();
  }

  private static double averaged(ScoreBuffer buffer, Average average, boolean roc) {
    int k = buffer.numClasses();
    if (average == Average.MICRO) {
      boolean[] all = new boolean[buffer.size() * k];
      double[] scores = new double[all.length];
      for (int i = 0; i < buffer.size(); i++) {
        for (int c = 0; c < k; c++) {
          all[i * k + c] = buffer.isTarget(i, c);
          scores[i * k + c] = buffer.score(i, c);
        }
      }
      return roc ? BinaryCurves.rocAuc(all, scores) : BinaryCurves.averagePrecision(all, scores);
    }
    if (average != Average.MACRO && average != Average.WEIGHTED) {
      throw new IllegalArgumentException("average must be MICRO, MACRO or WEIGHTED; got " + average);
    }
    double sum = 0;
    double weights = 0;
    for (int c = 0; c < k; c++) {
      boolean[] t = targets(buffer, c);
      double value = roc
          ? BinaryCurves.rocAuc(t, scores(buffer, c))
          : BinaryCurves.averagePrecision(t, scores(buffer, c));
      double w = 1;
      if (average == Average.WEIGHTED) {
        w = 0;
        for (boolean b : t) {
          w += b ? 1 : 0;
        }
      }
      sum += w * value;
      weights += w;
    }
    return weights == 0 ? 0.0 : sum / weights;
  }

  private static boolean[] targets(ScoreBuffer buffer, int label) {
    boolean[] out = new boolean[buffer.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = buffer.isTarget(i, label);
    }
    return out;
  }

  private static double[] scores(ScoreBuffer buffer, int label) {
    double[] out = new double[buffer.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = buffer.score(i, label);
    }
    return out;
  }

  private static double clip(double p) {
    return Math.min(Math.max(p, EPS), 1 - EPS);
  }

  private static void requireMultiClass(ScoreBuffer buffer, String metric) {
    if (buffer.isMultiLabel()) {
      throw new IllegalArgumentException(metric + " needs single-label (multi-class) scores");
    }
  }
}

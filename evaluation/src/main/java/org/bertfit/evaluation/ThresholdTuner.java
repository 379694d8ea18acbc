package org.bertfit.evaluation;

import org.bertfit.evaluation.internal.Ranks;

/**
 * Chooses, for each label of a multi-label model, the threshold that maximises that label's F1 on
 * validation scores. Candidates are the observed scores (predict when score is at least the
 * candidate); ties go to the higher threshold. A label without positives keeps the default.
 */
public final class ThresholdTuner {
  private final double defaultThreshold;

  public ThresholdTuner(double defaultThreshold) {
    this.defaultThreshold = defaultThreshold;
  }

  public Thresholds tune(ScoreBuffer validation, LabelSet labels) {
    if (!validation.isMultiLabel() || validation.numClasses() != labels.size()) {
      throw new IllegalArgumentException("threshold tuning needs multi-label scores over "
          + labels.size() + " labels");
    }
    double[] values = new double[labels.size()];
    for (int c = 0; c < values.length; c++) {
      values[c] = best(validation, c);
    }
    return new Thresholds(labels.names(), values);
  }

  private double best(ScoreBuffer buffer, int label) {
    int n = buffer.size();
    double[] scores = new double[n];
    long positives = 0;
    for (int i = 0; i < n; i++) {
      scores[i] = buffer.score(i, label);
      positives += buffer.isTarget(i, label) ? 1 : 0;
    }
    if (positives == 0) {
      return defaultThreshold;
    }
    int[] order = Ranks.ascending(scores);
    double bestF1 = -1;
    double best = defaultThreshold;
    long tp = 0;
    long predicted = 0;
    for (int i = n - 1; i >= 0; ) {
      double threshold = scores[order[i]];
      while (i >= 0 && Double.compare(scores[order[i]], threshold) == 0) { // advances over NaN too
        tp += buffer.isTarget(order[i], label) ? 1 : 0;
        predicted++;
        i--;
      }
      double f1 = 2.0 * tp / (predicted + positives);
      if (f1 > bestF1) {
        bestF1 = f1;
        best = threshold;
      }
    }
    return best;
  }
}

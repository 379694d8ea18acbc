package org.bertfit.evaluation;

import org.bertfit.evaluation.internal.BinaryCurves;

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
    boolean[] positive = new boolean[n];
    for (int i = 0; i < n; i++) {
      scores[i] = buffer.score(i, label);
      positive[i] = buffer.isTarget(i, label);
    }
    BinaryCurves.Counts counts = BinaryCurves.counts(positive, scores);
    if (counts.positives() == 0) {
      return defaultThreshold;
    }
    BinaryCurves.Points f1 = BinaryCurves.f1ByThreshold(counts);
    int best = 0;
    for (int t = 1; t < f1.y().length; t++) { // highest threshold first: ties keep the higher one
      best = f1.y()[t] > f1.y()[best] ? t : best;
    }
    return f1.x()[best];
  }
}

package org.bertfit.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.bertfit.evaluation.internal.BinaryCurves;

/**
 * Chooses, for each label of a multi-label model, the threshold that maximises that label's F1 on
 * validation scores. Candidates are the observed scores (predict when score is at least the
 * candidate); ties go to the higher threshold. A label with fewer validation positives than the
 * floor keeps the default: with a handful of positives the best cut fits those few texts, not the
 * label (GoEmotions' rarest labels have about a dozen in its dev set).
 */
public final class ThresholdTuner {
  /** The floor bertfit uses unless told otherwise: 10 validation positives. */
  public static final int DEFAULT_MIN_POSITIVES = 10;

  private final double defaultThreshold;
  private final int minPositives;

  /**
   * @param defaultThreshold the threshold of a label that is not tuned
   * @param minPositives validation positives a label needs to be tuned (at least 1)
   */
  public ThresholdTuner(double defaultThreshold, int minPositives) {
    if (minPositives < 1) {
      throw new IllegalArgumentException("min positives (" + minPositives + ") must be at least 1");
    }
    this.defaultThreshold = defaultThreshold;
    this.minPositives = minPositives;
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

  /** The labels that keep the default: fewer validation positives than the floor. */
  public List<String> untuned(ScoreBuffer validation, LabelSet labels) {
    List<String> untuned = new ArrayList<>();
    for (int c = 0; c < labels.size(); c++) {
      if (positives(validation, c) < minPositives) {
        untuned.add(labels.names().get(c));
      }
    }
    return untuned;
  }

  private static int positives(ScoreBuffer buffer, int label) {
    int positives = 0;
    for (int i = 0; i < buffer.size(); i++) {
      positives += buffer.isTarget(i, label) ? 1 : 0;
    }
    return positives;
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
    if (counts.positives() < minPositives) {
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

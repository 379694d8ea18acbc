package org.bertfit.evaluation;

/**
 * Per-label counts that precision, recall and F1 are computed from: true positives, predictions
 * and true occurrences of each label. Implemented by every accumulator.
 */
public interface LabelCounts {
  int numLabels();

  long truePositives(int label);

  /** How many times the label was predicted (tp + fp). */
  long predicted(int label);

  /** How many times the label was true (tp + fn): its support. */
  long actual(int label);
}

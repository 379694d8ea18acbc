package org.bertfit.training;

/**
 * A model's outputs for a dataset, one row per example in dataset order: {@code [labels]} values,
 * or {@code [tokens × labels]} for token classification (each example at its own length).
 *
 * @param numLabels labels per row
 * @param logits raw scores
 * @param probabilities softmax (single-label, tokens) or sigmoid (multi-label) of the logits
 * @param losses each example's loss, or null when the data had no labels
 */
public record Predictions(int numLabels, float[][] logits, float[][] probabilities, float[] losses) {
  public int size() {
    return logits.length;
  }

  /** The highest-probability label of each example (single-label). */
  public int[] argmax() {
    int[] out = new int[probabilities.length];
    for (int i = 0; i < out.length; i++) {
      float[] row = probabilities[i];
      int best = 0;
      for (int c = 1; c < numLabels; c++) {
        if (row[c] > row[best]) {
          best = c;
        }
      }
      out[i] = best;
    }
    return out;
  }
}

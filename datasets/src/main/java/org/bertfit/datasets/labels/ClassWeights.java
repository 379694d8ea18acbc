package org.bertfit.datasets.labels;

import org.bertfit.datasets.Dataset;

/** Loss weights against class imbalance. */
public final class ClassWeights {
  private ClassWeights() {}

  /**
   * scikit-learn's {@code compute_class_weight("balanced")}: {@code n / (k * count(c))} for k
   * classes and n label occurrences (examples for single-label data, tags for token
   * classification).
   *
   * @throws IllegalArgumentException when a class has no examples (its weight is undefined)
   */
  public static double[] balanced(Dataset data, LabelEncoder labels) {
    long[] counts = requirePresent(labels.counts(data), labels);
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    double[] weights = new double[counts.length];
    for (int c = 0; c < counts.length; c++) {
      weights[c] = (double) total / ((double) counts.length * counts[c]);
    }
    return weights;
  }

  /**
   * Positive weights for a multi-label binary cross-entropy ({@code pos_weight}): negatives over
   * positives of each label, {@code (n - count(c)) / count(c)} for n examples.
   */
  public static double[] positive(Dataset data, LabelEncoder labels) {
    long[] counts = requirePresent(labels.counts(data), labels);
    double[] weights = new double[counts.length];
    for (int c = 0; c < counts.length; c++) {
      weights[c] = (double) (data.size() - counts[c]) / counts[c];
    }
    return weights;
  }

  private static long[] requirePresent(long[] counts, LabelEncoder labels) {
    for (int c = 0; c < counts.length; c++) {
      if (counts[c] == 0) {
        throw new IllegalArgumentException(
            "label '" + labels.name(c) + "' has no examples, so its weight is undefined");
      }
    }
    return counts;
  }
}

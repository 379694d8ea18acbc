package org.bertfit.evaluation;

/** How a confusion matrix is normalised, as scikit-learn's {@code normalize}. */
public enum Normalization {
  /** Counts. */
  NONE,
  /** Each row (true class) sums to 1. */
  TRUE,
  /** Each column (predicted class) sums to 1. */
  PRED,
  /** The whole matrix sums to 1. */
  ALL
}

package org.bertfit.evaluation;

/** Disagreement weights of Cohen's kappa, as scikit-learn's {@code weights}. */
public enum KappaWeights {
  /** Every disagreement weighs 1. */
  NONE,
  /** A disagreement weighs the distance between the two classes' positions. */
  LINEAR,
  /** A disagreement weighs the squared distance. */
  QUADRATIC
}

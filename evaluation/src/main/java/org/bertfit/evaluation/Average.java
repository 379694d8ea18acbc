package org.bertfit.evaluation;

/** How per-label scores are combined, as scikit-learn's {@code average} parameter. */
public enum Average {
  /** Pool the counts of all labels, then divide. */
  MICRO,
  /** Unweighted mean over labels. */
  MACRO,
  /** Mean over labels weighted by support. */
  WEIGHTED,
  /** Mean over examples of each example's scores (multi-label only). */
  SAMPLES;

  /** The name scikit-learn's report uses for the row, e.g. {@code macro avg}. */
  public String rowName() {
    return name().toLowerCase(java.util.Locale.ROOT) + " avg";
  }
}

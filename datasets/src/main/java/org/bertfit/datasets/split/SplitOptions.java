package org.bertfit.datasets.split;

/**
 * How to split a dataset into train, validation and test.
 *
 * @param validation the fraction of examples for validation, in [0, 1)
 * @param test the fraction for test, in [0, 1)
 * @param seed the seed: the same seed gives the same split
 * @param stratify whether each split keeps the label proportions (iterative stratification for
 *     multi-label and tagged data); unlabelled data is always split at random
 */
public record SplitOptions(double validation, double test, long seed, boolean stratify) {
  public SplitOptions {
    if (!(validation >= 0 && test >= 0 && validation + test < 1)) {
      throw new IllegalArgumentException(
          "validation ("
              + validation
              + ") and test ("
              + test
              + ") must be >= 0 and leave examples for training (sum < 1)");
    }
  }

  /** A stratified split. */
  public static SplitOptions stratified(double validation, double test, long seed) {
    return new SplitOptions(validation, test, seed, true);
  }

  /** A random split. */
  public static SplitOptions random(double validation, double test, long seed) {
    return new SplitOptions(validation, test, seed, false);
  }
}

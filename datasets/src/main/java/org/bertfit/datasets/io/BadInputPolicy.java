package org.bertfit.datasets.io;

/**
 * What a reader does with a bad row: stop with an error naming file and line, or skip and count it.
 */
public enum BadInputPolicy {
  /** Throw a {@link BadInputException} at the first bad row (the default). */
  FAIL,
  /** Skip bad rows; the {@link SkipReport} counts them by reason with their line numbers. */
  SKIP
}

package org.bertfit.inference;

/**
 * Where a prediction run spent its work.
 *
 * @param texts examples predicted
 * @param truncated examples cut to the maximum length (a token classifier tags the words past the
 *     cut {@code O})
 * @param batches session runs
 * @param tokens real tokens fed (special tokens included)
 * @param paddedTokens positions fed, padding included
 * @param tokenizeNanos time the tokenizing thread spent tokenizing and padding
 * @param sessionNanos time spent in session runs (the model)
 */
public record PredictStats(
    long texts,
    long truncated,
    long batches,
    long tokens,
    long paddedTokens,
    long tokenizeNanos,
    long sessionNanos) {
  /** The share of fed positions that are padding. */
  public double paddingShare() {
    return paddedTokens == 0 ? 0 : 1 - (double) tokens / paddedTokens;
  }
}

package org.bertfit.datasets;

/**
 * How {@link EncodedDataset#batches} cuts a dataset into batches.
 *
 * @param batchSize examples per batch (the last batch may be smaller)
 * @param shuffle whether the order changes each epoch (seeded by {@code seed} and the epoch)
 * @param seed the shuffling seed
 * @param bucketWindow length bucketing: examples are sorted by length within windows of this many
 *     batches (after shuffling), so a batch holds texts of similar length and pads little; 0 or 1
 *     turns it off
 * @param padToMultipleOf batch lengths are rounded up to a multiple of this (1: pad to the longest)
 */
public record BatchOptions(
    int batchSize, boolean shuffle, long seed, int bucketWindow, int padToMultipleOf) {
  public BatchOptions {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
    }
    if (bucketWindow < 0) {
      throw new IllegalArgumentException("bucketWindow must be >= 0, got " + bucketWindow);
    }
    if (padToMultipleOf < 1) {
      throw new IllegalArgumentException("padToMultipleOf must be >= 1, got " + padToMultipleOf);
    }
  }

  /** Shuffled each epoch, padded to the longest text of each batch. */
  public static BatchOptions training(int batchSize, long seed) {
    return new BatchOptions(batchSize, true, seed, 0, 1);
  }

  /** In file order (evaluation and prediction). */
  public static BatchOptions inOrder(int batchSize) {
    return new BatchOptions(batchSize, false, 0, 0, 1);
  }

  /** These options with length bucketing over windows of {@code batches} batches. */
  public BatchOptions withBucketWindow(int batches) {
    return new BatchOptions(batchSize, shuffle, seed, batches, padToMultipleOf);
  }

  /** These options with batch lengths rounded up to a multiple of {@code multiple}. */
  public BatchOptions withPadToMultipleOf(int multiple) {
    return new BatchOptions(batchSize, shuffle, seed, bucketWindow, multiple);
  }
}

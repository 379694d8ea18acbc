package org.bertfit.datasets.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.bertfit.datasets.BatchOptions;

/**
 * Decides which examples go in which batch for one epoch: seeded shuffling, then optionally length
 * bucketing (sort by length within windows of many batches, then shuffle the batches) so that
 * batches pad little while their order stays random.
 */
public final class BatchPlanner {
  private BatchPlanner() {}

  /** The example indices of each batch of {@code epoch}. */
  public static List<int[]> plan(int[] lengths, BatchOptions options, int epoch) {
    int n = lengths.length;
    SplittableRandom random = Shuffle.random(options.seed(), epoch);
    int[] order = options.shuffle() ? Shuffle.permutation(n, random) : Shuffle.identity(n);
    int window = options.bucketWindow() > 1 ? options.bucketWindow() * options.batchSize() : 0;
    if (window > 0) {
      for (int from = 0; from < n; from += window) {
        sortByLength(order, from, Math.min(n, from + window), lengths);
      }
    }
    List<int[]> batches = new ArrayList<>();
    for (int from = 0; from < n; from += options.batchSize()) {
      batches.add(Arrays.copyOfRange(order, from, Math.min(n, from + options.batchSize())));
    }
    if (window > 0 && options.shuffle()) {
      int[] batchOrder = Shuffle.permutation(batches.size(), random);
      List<int[]> shuffled = new ArrayList<>(batches.size());
      for (int b : batchOrder) {
        shuffled.add(batches.get(b));
      }
      return shuffled;
    }
    return batches;
  }

  /** Stable sort of {@code order[from..to)} by length (a counting sort: lengths are small). */
  private static void sortByLength(int[] order, int from, int to, int[] lengths) {
    int max = 0;
    for (int i = from; i < to; i++) {
      max = Math.max(max, lengths[order[i]]);
    }
    int[] starts = new int[max + 2];
    for (int i = from; i < to; i++) {
      starts[lengths[order[i]] + 1]++;
    }
    for (int l = 1; l < starts.length; l++) {
      starts[l] += starts[l - 1];
    }
    int[] sorted = new int[to - from];
    for (int i = from; i < to; i++) {
      sorted[starts[lengths[order[i]]]++] = order[i];
    }
    System.arraycopy(sorted, 0, order, from, sorted.length);
  }
}

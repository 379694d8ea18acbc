package org.bertfit.datasets.internal;

import java.util.SplittableRandom;

/** Seeded Fisher-Yates shuffles: the same seed gives the same order on every JVM. */
public final class Shuffle {
  private Shuffle() {}

  /**
   * A random generator for {@code seed} and a stream number (an epoch), independent across streams.
   */
  public static SplittableRandom random(long seed, long stream) {
    return new SplittableRandom(seed ^ (stream * 0x9E3779B97F4A7C15L));
  }

  /** 0..n-1 in random order. */
  public static int[] permutation(int n, SplittableRandom random) {
    int[] order = identity(n);
    shuffle(order, 0, n, random);
    return order;
  }

  /** 0..n-1 in order. */
  public static int[] identity(int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    return order;
  }

  /** Shuffles {@code values[from..to)} in place. */
  public static void shuffle(int[] values, int from, int to, SplittableRandom random) {
    for (int i = to - 1; i > from; i--) {
      int j = from + random.nextInt(i - from + 1);
      int t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
  }
}

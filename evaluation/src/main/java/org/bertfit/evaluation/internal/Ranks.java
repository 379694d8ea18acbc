package org.bertfit.evaluation.internal;

import java.util.Arrays;

/** Sorting helpers for score arrays. */
public final class Ranks {
  private Ranks() {}

  /** Indices that sort {@code values} ascending (stable). */
  public static int[] ascending(double[] values) {
    Integer[] boxed = new Integer[values.length];
    for (int i = 0; i < boxed.length; i++) {
      boxed[i] = i;
    }
    Arrays.sort(boxed, (a, b) -> Double.compare(values[a], values[b]));
    int[] order = new int[values.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = boxed[i];
    }
    return order;
  }
}

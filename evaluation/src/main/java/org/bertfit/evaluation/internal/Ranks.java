package org.bertfit.evaluation.internal;

/** Sorting helpers for score arrays, without boxing (ranking metrics sort millions of scores). */
public final class Ranks {
  private Ranks() {}

  /** Indices that sort {@code values} ascending; equal values keep their index order (stable). */
  public static int[] ascending(double[] values) {
    int[] order = new int[values.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    int[] buffer = new int[values.length];
    for (int width = 1; width < order.length; width *= 2) {
      for (int lo = 0; lo < order.length - width; lo += 2 * width) {
        merge(values, order, buffer, lo, lo + width, Math.min(lo + 2 * width, order.length));
      }
    }
    return order;
  }

  private static void merge(double[] values, int[] order, int[] buffer, int lo, int mid, int hi) {
    System.arraycopy(order, lo, buffer, lo, hi - lo);
    int i = lo;
    int j = mid;
    for (int k = lo; k < hi; k++) {
      if (j >= hi || (i < mid && Double.compare(values[buffer[i]], values[buffer[j]]) <= 0)) {
        order[k] = buffer[i++];
      } else {
        order[k] = buffer[j++];
      }
    }
  }
}

package org.bertfit.datasets.internal;

/** Percentiles with linear interpolation between closest ranks, as NumPy's default. */
public final class Percentiles {
  private Percentiles() {}

  /** The {@code q}-th percentile (0..100) of {@code sorted} (ascending, non-empty). */
  public static double of(int[] sorted, double q) {
    double position = (sorted.length - 1) * q / 100.0;
    int below = (int) Math.floor(position);
    int above = Math.min(sorted.length - 1, below + 1);
    return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
  }
}

package org.bertfit.evaluation;

/**
 * When the diagnostics warn.
 *
 * @param minSupport a class with fewer true examples than this (but at least one) is "tiny"
 * @param maxAccuracyGap warn when accuracy (micro F1 for multi-label) exceeds macro F1 by more
 * @param maxEmptyFraction warn when more than this fraction of multi-label examples get no label
 * @param baselineMargin warn when macro F1 is not above the majority baseline's by this much
 */
public record DiagnosticsConfig(
    long minSupport, double maxAccuracyGap, double maxEmptyFraction, double baselineMargin) {

  public DiagnosticsConfig {
    if (minSupport < 0 || maxAccuracyGap < 0 || maxEmptyFraction < 0 || baselineMargin < 0) {
      throw new IllegalArgumentException("diagnostic limits must not be negative");
    }
  }

  /** 10 examples, a 0.2 gap, half the examples empty, a 0.01 margin over the baseline. */
  public static DiagnosticsConfig defaults() {
    return new DiagnosticsConfig(10, 0.2, 0.5, 0.01);
  }
}

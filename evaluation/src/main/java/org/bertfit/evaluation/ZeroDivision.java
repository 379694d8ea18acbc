package org.bertfit.evaluation;

/**
 * What a ratio with a zero denominator becomes, as scikit-learn's {@code zero_division}: {@code
 * WARN} gives 0 and the report warns, naming the classes.
 */
public enum ZeroDivision {
  WARN(0.0),
  ZERO(0.0),
  ONE(1.0);

  private final double value;

  ZeroDivision(double value) {
    this.value = value;
  }

  public double value() {
    return value;
  }

  /** {@code numerator / denominator}, or this policy's value when the denominator is zero. */
  public double divide(double numerator, double denominator) {
    return denominator == 0 ? value : numerator / denominator;
  }

  /** Parses {@code warn}, {@code 0} or {@code 1} (the CLI and scikit-learn spelling). */
  public static ZeroDivision parse(String text) {
    return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "warn" -> WARN;
      case "0", "0.0" -> ZERO;
      case "1", "1.0" -> ONE;
      default -> throw new IllegalArgumentException(
          "zero_division must be warn, 0 or 1; got '" + text + "'");
    };
  }

  /** The scikit-learn spelling: {@code warn}, {@code 0} or {@code 1}. */
  @Override
  public String toString() {
    return this == WARN ? "warn" : this == ZERO ? "0" : "1";
  }
}

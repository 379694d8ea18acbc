package org.bertfit.evaluation.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Fixed-point formatting as Python's {@code format(x, '.Nf')}: exact binary value, half-even. */
public final class Decimals {
  private Decimals() {}

  public static String fixed(double value, int digits) {
    if (Double.isNaN(value)) {
      return "nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    String s = new BigDecimal(value).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    return value < 0 || (value == 0 && 1 / value < 0) ? ensureMinus(s) : s;
  }

  private static String ensureMinus(String s) {
    return s.startsWith("-") ? s : "-" + s;
  }
}

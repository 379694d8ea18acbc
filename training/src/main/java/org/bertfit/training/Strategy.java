package org.bertfit.training;

import java.util.Locale;

/** When to log, evaluate or save, as Hugging Face's {@code IntervalStrategy}. */
public enum Strategy {
  NO,
  STEPS,
  EPOCH;

  public static Strategy parse(String name) {
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("strategy '" + name + "' is not one of no, steps, epoch");
    }
  }
}

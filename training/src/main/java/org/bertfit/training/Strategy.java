package org.bertfit.training;

import java.util.Locale;

/**
 * When to evaluate or save, as Hugging Face's {@code IntervalStrategy} and {@code SaveStrategy}:
 * never, every N steps, at each epoch's end, or (saving only) whenever the monitored validation
 * metric improves.
 */
public enum Strategy {
  NO,
  STEPS,
  EPOCH,
  BEST;

  public static Strategy parse(String name) {
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("strategy '" + name + "' is not one of no, steps, epoch, best");
    }
  }
}

package org.bertfit.training;

import java.util.Map;

/**
 * One line of the training log.
 *
 * @param step optimizer steps done
 * @param epoch epochs done, fractional
 * @param kind {@code train} (a logging window) or {@code eval} (a validation run)
 * @param values loss, learning rate, gradient norm and metrics; eval values are prefixed {@code eval_}
 */
public record LogEntry(long step, double epoch, String kind, Map<String, Double> values) {
  public LogEntry {
    values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
  }
}

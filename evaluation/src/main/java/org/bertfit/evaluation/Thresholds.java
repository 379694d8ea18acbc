package org.bertfit.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.bertfit.evaluation.internal.Json;

/**
 * Per-label decision thresholds of a multi-label model: label {@code i} is predicted when its
 * probability is at least {@code values[i]}. Saved beside the model as {@code thresholds.json}.
 */
public record Thresholds(List<String> labels, double[] values) {
  /** The threshold of a label when nothing else is said: the usual sigmoid cut. */
  public static final double DEFAULT = 0.5;

  public Thresholds {
    labels = List.copyOf(labels);
    values = values.clone();
    if (labels.size() != values.length) {
      throw new IllegalArgumentException("thresholds has " + values.length + " values for "
          + labels.size() + " labels");
    }
  }

  /** The same threshold for every label ({@link #DEFAULT} is the usual one). */
  public static Thresholds uniform(LabelSet labels, double value) {
    double[] values = new double[labels.size()];
    java.util.Arrays.fill(values, value);
    return new Thresholds(labels.names(), values);
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  /** The 0/1 prediction row of one probability row. */
  public int[] apply(double[] probabilities) {
    if (probabilities.length != values.length) {
      throw new IllegalArgumentException("probability row has " + probabilities.length
          + " values; thresholds has " + values.length);
    }
    int[] out = new int[values.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = probabilities[i] >= values[i] ? 1 : 0;
    }
    return out;
  }

  /**
   * The text of {@code thresholds.json}, {@code {"labels": [...], "values": [...]}}; the modules that
   * write files save it (atomically), as {@link #load} reads it.
   */
  public String toJson() {
    try {
      return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("thresholds cannot be written as JSON: " + e.getMessage(), e);
    }
  }

  public static Thresholds load(Path file) throws IOException {
    try {
      return Json.MAPPER.readValue(file.toFile(), Thresholds.class);
    } catch (IOException e) {
      throw new IOException(file + ": not a thresholds file: " + e.getMessage(), e);
    }
  }
}

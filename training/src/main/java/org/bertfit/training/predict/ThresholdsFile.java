package org.bertfit.training.predict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bertfit.evaluation.Thresholds;

/**
 * Reads a multi-label model's {@code thresholds.json}: {@code {"thresholds": {label: value}}}, or
 * {@code {"labels": [...], "values": [...]}} as {@link Thresholds#save} (and {@code bertfit
 * export}) writes it.
 */
final class ThresholdsFile {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ThresholdsFile() {}

  /** The thresholds of {@code file}, labels in the file's order. */
  static Thresholds read(Path file) {
    try {
      JsonNode map = JSON.readTree(file.toFile()).get("thresholds");
      if (map == null) {
        return Thresholds.load(file);
      }
      if (!map.isObject()) {
        throw new IllegalArgumentException(file + ": \"thresholds\" must map labels to numbers");
      }
      List<String> labels = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      map.fields()
          .forEachRemaining(
              e -> {
                if (!e.getValue().isNumber()) {
                  throw new IllegalArgumentException(
                      file + ": the threshold of '" + e.getKey() + "' is not a number");
                }
                labels.add(e.getKey());
                values.add(e.getValue().asDouble());
              });
      return new Thresholds(labels, values.stream().mapToDouble(Double::doubleValue).toArray());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}

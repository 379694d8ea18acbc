package org.bertfit.training.predict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bertfit.evaluation.Thresholds;

/**
 * Reads a multi-label model's {@code thresholds.json}: {@code {"thresholds": {label: value}}}, or
 * {@code {"labels": [...], "values": [...]}} as {@link Thresholds#save} writes it.
 */
final class ThresholdsFile {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ThresholdsFile() {}

  /** The thresholds of {@code file} in the order of {@code labels}, which it must name exactly. */
  static Thresholds read(Path file, List<String> labels) {
    Map<String, Double> byLabel = new LinkedHashMap<>();
    try {
      JsonNode map = JSON.readTree(file.toFile()).get("thresholds");
      if (map != null && map.isObject()) {
        map.fields().forEachRemaining(e -> byLabel.put(e.getKey(), number(file, e.getValue())));
      } else if (map != null) {
        throw new IllegalArgumentException(file + ": \"thresholds\" must map labels to numbers");
      } else {
        Thresholds saved = Thresholds.load(file);
        for (int i = 0; i < saved.labels().size(); i++) {
          byLabel.put(saved.labels().get(i), saved.values()[i]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    List<String> unknown = new ArrayList<>(byLabel.keySet());
    unknown.removeAll(labels);
    List<String> missing = new ArrayList<>(labels);
    missing.removeAll(byLabel.keySet());
    if (!unknown.isEmpty() || !missing.isEmpty()) {
      throw new IllegalArgumentException(
          file
              + ": thresholds must name each label of the model once; unknown: "
              + unknown
              + ", missing: "
              + missing
              + "; the model's labels: "
              + String.join(", ", labels));
    }
    byLabel.forEach(
        (label, value) -> {
          if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(
                file + ": the threshold of '" + label + "' must be in [0, 1], got " + value);
          }
        });
    return new Thresholds(labels, labels.stream().mapToDouble(byLabel::get).toArray());
  }

  private static double number(Path file, JsonNode value) {
    if (!value.isNumber()) {
      throw new IllegalArgumentException(file + ": a threshold must be a number, got " + value);
    }
    return value.asDouble();
  }
}

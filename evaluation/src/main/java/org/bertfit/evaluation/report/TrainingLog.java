package org.bertfit.evaluation.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bertfit.evaluation.internal.Json;

/**
 * Metric curves of a training run, for the HTML report. Read from JSON lines, one object per
 * logged step: the x axis is {@code step} (else {@code epoch}, else the line number); every other
 * numeric field is a curve, e.g. {@code {"step": 100, "loss": 0.71, "val_f1_macro": 0.42}}.
 */
public record TrainingLog(String xName, Map<String, List<double[]>> curves) {
  public TrainingLog {
    curves = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(curves));
  }

  public static TrainingLog read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Map<String, List<double[]>> curves = new LinkedHashMap<>();
    String xName = null;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      JsonNode o;
      try {
        o = Json.MAPPER.readTree(lines.get(i));
      } catch (IOException e) {
        throw new IOException(file + " line " + (i + 1) + ": not a JSON object", e);
      }
      if (!o.isObject()) {
        throw new IOException(file + " line " + (i + 1) + ": expected a JSON object");
      }
      String x = o.has("step") ? "step" : o.has("epoch") ? "epoch" : "line";
      xName = xName == null ? x : xName;
      double xValue = x.equals("line") ? i + 1 : o.get(x).asDouble();
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        if (!f.getKey().equals(x) && f.getValue().isNumber()) {
          curves.computeIfAbsent(f.getKey(), k -> new ArrayList<>())
              .add(new double[] {xValue, f.getValue().asDouble()});
        }
      }
    }
    return new TrainingLog(xName == null ? "step" : xName, curves);
  }
}

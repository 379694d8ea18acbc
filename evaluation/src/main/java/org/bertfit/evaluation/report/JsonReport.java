package org.bertfit.evaluation.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Set;
import org.bertfit.evaluation.Baseline;
import org.bertfit.evaluation.ClassificationReport;
import org.bertfit.evaluation.Diagnostic;
import org.bertfit.evaluation.EvaluationReport;
import org.bertfit.evaluation.Figure;
import org.bertfit.evaluation.PrfScores;
import org.bertfit.evaluation.ReportRow;
import org.bertfit.evaluation.internal.Json;
import org.bertfit.evaluation.ner.EntityReport;

/**
 * The JSON report: first exactly scikit-learn's {@code classification_report(output_dict=True)}
 * keys, then {@code confusion_matrix}, the figures, {@code specificity}, {@code baseline}, {@code
 * warnings} and, when present, {@code thresholds} and {@code error_analysis}. Undefined numbers
 * are {@code null}.
 */
public final class JsonReport {
  private static final Set<String> RESERVED = Set.of("accuracy", "micro avg", "macro avg",
      "weighted avg", "samples avg", "confusion_matrix", "specificity", "baseline", "warnings",
      "thresholds", "error_analysis", "token_accuracy");
  /** The error analysis's records with snake_case keys, as every other key of the report. */
  private static final ObjectMapper SNAKE_CASE =
      Json.MAPPER.copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  private JsonReport() {}

  public static void write(EvaluationReport report, Writer out) throws IOException {
    Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, toJson(report));
    out.write('\n');
  }

  /** The entity-level report: seqeval's {@code output_dict=True} keys and {@code token_accuracy}. */
  public static void write(EntityReport report, Writer out) throws IOException {
    Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, toJson(report));
    out.write('\n');
  }

  public static ObjectNode toJson(EntityReport report) {
    ObjectNode root = classificationReport(report.entities());
    putNumber(root, "token_accuracy", report.tokenAccuracy());
    return root;
  }

  /** The report as a JSON object. */
  public static ObjectNode toJson(EvaluationReport report) {
    ObjectNode root = classificationReport(report.classification());
    ObjectNode cm = root.putObject("confusion_matrix");
    report.confusionLabels().forEach(cm.putArray("labels")::add);
    ArrayNode matrix = cm.putArray("matrix");
    for (long[] row : report.confusion()) {
      if (report.multiLabel()) {
        ArrayNode two = matrix.addArray();
        two.addArray().add(row[0]).add(row[1]);
        two.addArray().add(row[2]).add(row[3]);
      } else {
        ArrayNode r = matrix.addArray();
        for (long v : row) {
          r.add(v);
        }
      }
    }
    for (Figure f : report.figures()) {
      putNumber(root, f.key(), f.value());
    }
    ObjectNode specificity = root.putObject("specificity");
    List<ReportRow> classes = report.classification().classes();
    for (int i = 0; i < classes.size(); i++) {
      putNumber(specificity, classes.get(i).name(), report.specificity()[i]);
    }
    Baseline b = report.baseline();
    ObjectNode baseline = root.putObject("baseline").put("prediction", b.prediction());
    putNumber(baseline, "accuracy", b.accuracy());
    putNumber(baseline, "macro_f1", b.macroF1());
    putNumber(baseline, "micro_f1", b.microF1());
    ArrayNode warnings = root.putArray("warnings");
    for (Diagnostic d : report.warnings()) {
      warnings.addObject().put("code", d.code()).put("message", d.message());
    }
    if (report.thresholds() != null) {
      ObjectNode thresholds = root.putObject("thresholds");
      for (int i = 0; i < report.thresholds().labels().size(); i++) {
        thresholds.put(report.thresholds().labels().get(i), report.thresholds().values()[i]);
      }
    }
    if (report.errors() != null) {
      root.set("error_analysis", SNAKE_CASE.valueToTree(report.errors()));
    }
    return root;
  }

  /** scikit-learn's {@code output_dict=True} shape of a classification report. */
  public static ObjectNode classificationReport(ClassificationReport report) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    for (ReportRow row : report.classes()) {
      if (RESERVED.contains(row.name())) {
        throw new IllegalArgumentException("a class named '" + row.name()
            + "' would clash with a report key; rename it with target names");
      }
      putRow(root, row, report.floatSupport());
    }
    if (report.accuracy().isPresent()) {
      putNumber(root, "accuracy", report.accuracy().getAsDouble());
    }
    report.averages().forEach(row -> putRow(root, row, report.floatSupport()));
    return root;
  }

  private static void putRow(ObjectNode root, ReportRow row, boolean floatSupport) {
    PrfScores s = row.scores();
    ObjectNode o = root.putObject(row.name());
    putNumber(o, "precision", s.precision());
    putNumber(o, "recall", s.recall());
    putNumber(o, "f1-score", s.f1());
    if (floatSupport) {
      o.put("support", (double) s.support());
    } else {
      o.put("support", s.support());
    }
  }

  static void putNumber(ObjectNode o, String key, double value) {
    if (Double.isNaN(value)) {
      o.putNull(key);
    } else {
      o.put(key, value);
    }
  }
}

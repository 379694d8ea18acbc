package org.bertfit.evaluation.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.bertfit.evaluation.EvaluationReport;
import org.bertfit.evaluation.PrfScores;
import org.bertfit.evaluation.ReportRow;

/**
 * The per-class table as CSV (RFC 4180): {@code label,precision,recall,f1-score,support,
 * specificity}, one row per class, then the accuracy and average rows as in the text layout.
 * Numbers at full precision; an undefined number is an empty field.
 */
public final class CsvReport {
  private CsvReport() {}

  public static void write(EvaluationReport report, Writer out) throws IOException {
    out.write("label,precision,recall,f1-score,support,specificity\r\n");
    List<ReportRow> classes = report.classification().classes();
    for (int i = 0; i < classes.size(); i++) {
      row(out, classes.get(i), number(report.specificity()[i]));
    }
    if (report.classification().accuracy().isPresent()) {
      out.write("accuracy,,," + number(report.classification().accuracy().getAsDouble()) + ","
          + report.classification().support() + ",\r\n");
    }
    for (ReportRow avg : report.classification().averages()) {
      row(out, avg, "");
    }
  }

  private static void row(Writer out, ReportRow row, String specificity) throws IOException {
    PrfScores s = row.scores();
    out.write(quote(row.name()) + "," + number(s.precision()) + "," + number(s.recall()) + ","
        + number(s.f1()) + "," + s.support() + "," + specificity + "\r\n");
  }

  private static String number(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }

  private static String quote(String field) {
    if (field.contains(",") || field.contains("\"") || field.contains("\n")
        || field.contains("\r")) {
      return "\"" + field.replace("\"", "\"\"") + "\"";
    }
    return field;
  }
}

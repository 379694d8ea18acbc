package org.bertfit.evaluation.report;

import java.util.List;
import org.bertfit.evaluation.ClassificationReport;
import org.bertfit.evaluation.ReportRow;
import org.bertfit.evaluation.internal.Decimals;

/** scikit-learn's text layout of a classification report, character for character. */
public final class TextLayout {
  private static final String LONGEST_AVERAGE = "weighted avg";
  private static final List<String> HEADERS = List.of("precision", "recall", "f1-score", "support");

  private TextLayout() {}

  public static String format(ClassificationReport report, int digits) {
    int width = Math.max(LONGEST_AVERAGE.length(), digits);
    for (ReportRow row : report.classes()) {
      width = Math.max(width, row.name().length());
    }
    StringBuilder out = new StringBuilder(pad("", width)).append(' ');
    for (String header : HEADERS) {
      out.append(' ').append(pad(header, 9));
    }
    out.append("\n\n");
    for (ReportRow row : report.classes()) {
      appendRow(out, row, width, digits, report);
    }
    out.append('\n');
    if (report.accuracy().isPresent()) {
      out.append(pad("accuracy", width)).append(' ')
          .append(' ').append(pad("", 9)).append(' ').append(pad("", 9))
          .append(' ').append(pad(Decimals.fixed(report.accuracy().getAsDouble(), digits), 9))
          .append(' ').append(pad(support(report, report.support()), 9)).append('\n');
    }
    for (ReportRow row : report.averages()) {
      appendRow(out, row, width, digits, report);
    }
    return out.toString();
  }

  private static void appendRow(
      StringBuilder out, ReportRow row, int width, int digits, ClassificationReport report) {
    out.append(pad(row.name(), width)).append(' ');
    out.append(' ').append(pad(Decimals.fixed(row.scores().precision(), digits), 9));
    out.append(' ').append(pad(Decimals.fixed(row.scores().recall(), digits), 9));
    out.append(' ').append(pad(Decimals.fixed(row.scores().f1(), digits), 9));
    out.append(' ').append(pad(support(report, row.scores().support()), 9)).append('\n');
  }

  private static String support(ClassificationReport report, long support) {
    return report.floatSupport() ? support + ".0" : Long.toString(support);
  }

  /** Right-aligns in {@code width} characters, as Python's {@code {:>width}}. */
  static String pad(String s, int width) {
    return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
  }
}

package org.bertfit.evaluation.report;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bertfit.evaluation.ConfusionMetrics;
import org.bertfit.evaluation.Diagnostic;
import org.bertfit.evaluation.ErrorAnalysis;
import org.bertfit.evaluation.EvaluationReport;
import org.bertfit.evaluation.Figure;
import org.bertfit.evaluation.Normalization;
import org.bertfit.evaluation.PrfScores;
import org.bertfit.evaluation.ReportRow;
import org.bertfit.evaluation.internal.Charts;
import org.bertfit.evaluation.internal.Decimals;

/**
 * A self-contained HTML report (charts embedded as PNG data URIs, no network): warnings, the
 * per-class table, figures, confusion-matrix heatmap, per-class precision/recall/F1 bars, class
 * distribution, with scores the ROC, precision-recall and reliability curves (and F1 by threshold
 * for multi-label; see {@link ScoreCharts}), training curves when a {@link TrainingLog} is given,
 * and error analysis.
 */
public final class HtmlReport {
  private static final String STYLE = """
      body{font-family:sans-serif;margin:2em;color:#222}
      table{border-collapse:collapse;margin:1em 0}
      td,th{border:1px solid #ccc;padding:4px 10px;text-align:right}
      td:first-child,th:first-child{text-align:left}
      .warn{background:#fde8e8;border-left:6px solid #c0392b;padding:.6em 1em;margin:.4em 0}
      .avg td{font-weight:bold;background:#f4f6f8}
      img{display:block;margin:1em 0;max-width:100%}
      """;

  private HtmlReport() {}

  public static void write(EvaluationReport report, TrainingLog log, Writer out)
      throws IOException {
    out.write(format(report, log));
  }

  /** The page; {@code log} may be null. */
  public static String format(EvaluationReport report, TrainingLog log) {
    int digits = report.digits();
    StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head>"
        + "<meta charset=\"utf-8\"><title>bertfit evaluation report</title><style>")
        .append(STYLE).append("</style></head><body>\n<h1>Evaluation report</h1>\n");
    for (Diagnostic d : report.warnings()) {
      h.append("<div class=\"warn\"><b>").append(esc(d.code())).append("</b>: ")
          .append(esc(d.message())).append("</div>\n");
    }
    h.append("<h2>Per class</h2>\n<table><tr><th></th><th>precision</th><th>recall</th>"
        + "<th>f1-score</th><th>support</th><th>specificity</th></tr>\n");
    List<ReportRow> classes = report.classification().classes();
    for (int i = 0; i < classes.size(); i++) {
      row(h, "", classes.get(i), report.specificity()[i], digits);
    }
    report.classification().accuracy().ifPresent(a -> h.append("<tr class=\"avg\"><td>accuracy"
        + "</td><td></td><td></td><td>").append(Decimals.fixed(a, digits)).append("</td><td>")
        .append(report.classification().support()).append("</td><td></td></tr>\n"));
    for (ReportRow avg : report.classification().averages()) {
      row(h, " class=\"avg\"", avg, Double.NaN, digits);
    }
    h.append("</table>\n<h2>Figures</h2>\n<table>\n");
    for (Figure f : report.figures()) {
      h.append("<tr><td>").append(esc(f.title())).append("</td><td>")
          .append(Decimals.fixed(f.value(), Math.max(4, digits))).append("</td></tr>\n");
    }
    h.append("<tr><td>Majority-class baseline (").append(esc(report.baseline().prediction()))
        .append("): macro F1</td><td>").append(Decimals.fixed(report.baseline().macroF1(), 4))
        .append("</td></tr>\n</table>\n");
    charts(h, report, log);
    errors(h, report.errors());
    return h.append("</body></html>\n").toString();
  }

  private static void charts(StringBuilder h, EvaluationReport report, TrainingLog log) {
    List<String> names = report.classification().classes().stream().map(ReportRow::name).toList();
    h.append("<h2>Charts</h2>\n");
    if (!report.multiLabel()) {
      image(h, "confusion matrix", Charts.confusionHeatmap(report.confusionLabels(),
          report.confusion(), ConfusionMetrics.normalized(report.confusion(), Normalization.TRUE)));
    }
    Map<String, double[]> scores = new LinkedHashMap<>();
    scores.put("precision", column(report, 0));
    scores.put("recall", column(report, 1));
    scores.put("f1-score", column(report, 2));
    image(h, "per-class scores", Charts.groupedBars("Per-class scores", "score", names, scores));
    Map<String, double[]> distribution = new LinkedHashMap<>();
    distribution.put("true", column(report, 3));
    distribution.put("predicted", predictedCounts(report));
    image(h, "class distribution",
        Charts.groupedBars("Class distribution", "examples", names, distribution));
    ScoreCharts.of(report).forEach((alt, png) -> image(h, alt, png));
    if (log != null && !log.curves().isEmpty()) {
      image(h, "training curves", Charts.lines("Training curves", log.xName(), log.curves()));
    }
  }

  private static double[] column(EvaluationReport report, int which) {
    return report.classification().classes().stream().mapToDouble(r -> {
      PrfScores s = r.scores();
      return switch (which) {
        case 0 -> s.precision();
        case 1 -> s.recall();
        case 2 -> s.f1();
        default -> s.support();
      };
    }).toArray();
  }

  private static double[] predictedCounts(EvaluationReport report) {
    long[][] c = report.confusion();
    if (report.multiLabel()) {
      // one [tn, fp, fn, tp] row per reported label
      return java.util.Arrays.stream(c).mapToDouble(r -> r[1] + r[3]).toArray();
    }
    double[] out = new double[c.length];
    for (long[] row : c) {
      for (int p = 0; p < row.length; p++) {
        out[p] += row[p];
      }
    }
    return out;
  }

  private static void errors(StringBuilder h, ErrorAnalysis e) {
    if (e == null) {
      return;
    }
    if (!e.confusedPairs().isEmpty()) {
      h.append("<h2>Most confused pairs</h2>\n<table><tr><th>true</th><th>predicted</th>"
          + "<th>count</th></tr>\n");
      e.confusedPairs().forEach(p -> h.append("<tr><td>").append(esc(p.trueLabel()))
          .append("</td><td>").append(esc(p.predictedLabel())).append("</td><td>")
          .append(p.count()).append("</td></tr>\n"));
      h.append("</table>\n");
    }
    examples(h, "Highest-loss examples", e.highestLoss());
    examples(h, "Most confident mistakes", e.confidentMistakes());
  }

  private static void examples(StringBuilder h, String title,
      List<ErrorAnalysis.ExampleError> examples) {
    if (examples.isEmpty()) {
      return;
    }
    h.append("<h2>").append(title).append("</h2>\n<table><tr><th>text</th><th>true</th>"
        + "<th>predicted</th><th>probability</th><th>loss</th></tr>\n");
    for (ErrorAnalysis.ExampleError x : examples) {
      h.append("<tr><td>").append(esc(x.text())).append("</td><td>").append(esc(x.trueLabel()))
          .append("</td><td>").append(esc(x.predictedLabel())).append("</td><td>")
          .append(Decimals.fixed(x.probability(), 3)).append("</td><td>")
          .append(Decimals.fixed(x.loss(), 3)).append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  private static void row(StringBuilder h, String cls, ReportRow r, double specificity,
      int digits) {
    PrfScores s = r.scores();
    h.append("<tr").append(cls).append("><td>").append(esc(r.name())).append("</td><td>")
        .append(Decimals.fixed(s.precision(), digits)).append("</td><td>")
        .append(Decimals.fixed(s.recall(), digits)).append("</td><td>")
        .append(Decimals.fixed(s.f1(), digits)).append("</td><td>").append(s.support())
        .append("</td><td>")
        .append(Double.isNaN(specificity) ? "" : Decimals.fixed(specificity, digits))
        .append("</td></tr>\n");
  }

  private static void image(StringBuilder h, String alt, String dataUri) {
    h.append("<img alt=\"").append(alt).append("\" src=\"").append(dataUri).append("\">\n");
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}

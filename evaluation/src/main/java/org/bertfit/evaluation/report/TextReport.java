package org.bertfit.evaluation.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import org.bertfit.evaluation.Baseline;
import org.bertfit.evaluation.Diagnostic;
import org.bertfit.evaluation.ErrorAnalysis;
import org.bertfit.evaluation.EvaluationReport;
import org.bertfit.evaluation.Figure;
import org.bertfit.evaluation.Thresholds;
import org.bertfit.evaluation.internal.Decimals;
import org.bertfit.evaluation.ner.EntityReport;

/**
 * The text report: warnings first, then scikit-learn's table unchanged, then the confusion
 * matrix, the figures, the baseline, thresholds and error analysis.
 */
public final class TextReport {
  private TextReport() {}

  public static void write(EvaluationReport report, Writer out) throws IOException {
    out.write(format(report));
  }

  public static String format(EvaluationReport report) {
    StringBuilder s = new StringBuilder();
    int digits = report.digits();
    appendWarnings(s, report.warnings());
    s.append(TextLayout.format(report.classification(), digits)).append('\n');
    appendConfusion(s, report);
    s.append('\n');
    int width = report.figures().stream().mapToInt(f -> f.title().length()).max().orElse(0);
    for (Figure f : report.figures()) {
      s.append(String.format("%-" + width + "s  %s%n", f.title(), Decimals.fixed(f.value(),
          Math.max(digits, 4))));
    }
    Baseline b = report.baseline();
    s.append("\nMajority-class baseline (").append(b.prediction()).append("):");
    if (!Double.isNaN(b.accuracy())) {
      s.append(" accuracy ").append(Decimals.fixed(b.accuracy(), digits)).append(',');
    }
    s.append(" macro F1 ").append(Decimals.fixed(b.macroF1(), digits))
        .append(", micro F1 ").append(Decimals.fixed(b.microF1(), digits)).append('\n');
    appendThresholds(s, report.thresholds());
    appendErrors(s, report.errors());
    return s.toString();
  }

  /** The entity-level report: warnings, seqeval's table, then the token accuracy. */
  public static void write(EntityReport report, Writer out) throws IOException {
    out.write(format(report));
  }

  public static String format(EntityReport report) {
    StringBuilder s = new StringBuilder();
    appendWarnings(s, report.entities().warnings());
    s.append(TextLayout.format(report.entities(), report.digits()))
        .append(String.format(Locale.ROOT, "%ntoken accuracy %s (%,d tokens, %,d sentences)%n",
            Decimals.fixed(report.tokenAccuracy(), Math.max(report.digits(), 4)), report.tokens(),
            report.sentences()));
    return s.toString();
  }

  private static void appendWarnings(StringBuilder s, List<Diagnostic> warnings) {
    for (Diagnostic d : warnings) {
      s.append("WARNING [").append(d.code()).append("] ").append(d.message()).append('\n');
    }
    if (!warnings.isEmpty()) {
      s.append('\n');
    }
  }

  private static void appendConfusion(StringBuilder s, EvaluationReport report) {
    List<String> names = report.confusionLabels();
    int width = Math.max(6, names.stream().mapToInt(String::length).max().orElse(0));
    if (report.multiLabel()) {
      s.append("Confusion per label\n").append(TextLayout.pad("", width));
      for (String h : List.of("tn", "fp", "fn", "tp")) {
        s.append(' ').append(TextLayout.pad(h, 7));
      }
      s.append('\n');
      for (int i = 0; i < names.size(); i++) {
        s.append(TextLayout.pad(names.get(i), width));
        for (long v : report.confusion()[i]) {
          s.append(' ').append(TextLayout.pad(Long.toString(v), 7));
        }
        s.append('\n');
      }
      return;
    }
    s.append("Confusion matrix (rows: true, columns: predicted)\n");
    s.append(TextLayout.pad("", width));
    for (String name : names) {
      s.append(' ').append(TextLayout.pad(name, width));
    }
    s.append('\n');
    for (int i = 0; i < names.size(); i++) {
      s.append(TextLayout.pad(names.get(i), width));
      for (long v : report.confusion()[i]) {
        s.append(' ').append(TextLayout.pad(Long.toString(v), width));
      }
      s.append('\n');
    }
  }

  private static void appendThresholds(StringBuilder s, Thresholds t) {
    if (t == null) {
      return;
    }
    s.append("\nDecision thresholds:");
    for (int i = 0; i < t.labels().size(); i++) {
      s.append(i == 0 ? " " : ", ").append(t.labels().get(i)).append(' ')
          .append(Decimals.fixed(t.values()[i], 4));
    }
    s.append('\n');
  }

  private static void appendErrors(StringBuilder s, ErrorAnalysis e) {
    if (e == null) {
      return;
    }
    if (!e.confusedPairs().isEmpty()) {
      s.append("\nMost confused (true -> predicted):\n");
      e.confusedPairs().forEach(p -> s.append("  ").append(p.trueLabel()).append(" -> ")
          .append(p.predictedLabel()).append(": ").append(p.count()).append('\n'));
    }
    appendExamples(s, "Highest-loss examples", e.highestLoss());
    appendExamples(s, "Most confident mistakes", e.confidentMistakes());
  }

  private static void appendExamples(
      StringBuilder s, String title, List<ErrorAnalysis.ExampleError> examples) {
    if (examples.isEmpty()) {
      return;
    }
    s.append('\n').append(title).append(" (loss, true -> predicted at p, text):\n");
    for (ErrorAnalysis.ExampleError x : examples) {
      s.append(String.format("  %7s  %s -> %s at %s  #%d %s%n", Decimals.fixed(x.loss(), 3),
          x.trueLabel(), x.predictedLabel(), Decimals.fixed(x.probability(), 3), x.index(),
          x.text()));
    }
  }
}

package org.bertfit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.bertfit.evaluation.EvaluationReport;
import org.bertfit.evaluation.Evaluator;
import org.bertfit.evaluation.ReportOptions;
import org.bertfit.evaluation.ZeroDivision;
import org.bertfit.evaluation.ner.EntityReport;
import org.bertfit.evaluation.report.ReportFormat;
import picocli.CommandLine.Option;

/**
 * What an evaluation's report holds and where it goes ({@code @Mixin}): format, file, digits, the
 * value of ratios with a zero denominator, and whether to keep the scores for the ranking metrics,
 * as {@code bertfit evaluate} takes them.
 */
public final class EvaluationReportOptions {
  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "text|json|csv|html",
      description = "Report format (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the report here, not stdout.")
  Path out;

  @Option(names = "--digits", defaultValue = "2", description = "Decimals (default: 2).")
  int digits;

  @Option(
      names = "--zero-division",
      defaultValue = "warn",
      paramLabel = "warn|0|1",
      description = "Value of a ratio with a zero denominator (default: warn = 0 and warn).")
  String zeroDivision;

  @Option(
      names = "--scores",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Keep every probability for ROC-AUC, average precision and log loss: 8 bytes per label"
              + " and row; --no-scores reports counts only (default: ${DEFAULT-VALUE})")
  boolean keepScores;

  /** Whether to keep every probability row for the ranking metrics. */
  public boolean keepScores() {
    return keepScores;
  }

  /** Digits and zero-division as report options; checks the format too, so that a run fails early. */
  public ReportOptions reportOptions() {
    ReportFormat.parse(format);
    return ReportOptions.builder().digits(digits).zeroDivision(ZeroDivision.parse(zeroDivision)).build();
  }

  /** The evaluator these options describe. */
  public Evaluator evaluator() {
    return Evaluator.builder().options(reportOptions()).build();
  }

  /** Writes {@code report} to {@code --out}, or to {@code stdout}. */
  public void print(EvaluationReport report, PrintWriter stdout) throws IOException {
    ReportCommand.print(report, ReportFormat.parse(format), null, out, stdout);
  }

  /** Writes an entity-level report to {@code --out}, or to {@code stdout}. */
  public void print(EntityReport report, PrintWriter stdout) throws IOException {
    ReportCommand.print(report, ReportFormat.parse(format), out, stdout);
  }
}

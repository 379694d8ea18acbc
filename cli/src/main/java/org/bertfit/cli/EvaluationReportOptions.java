package org.bertfit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.bertfit.evaluation.EvaluationReport;
import org.bertfit.evaluation.Evaluator;
import org.bertfit.evaluation.ReportOptions;
import org.bertfit.evaluation.ner.EntityReport;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What an evaluation's report holds and where it goes ({@code @Mixin}): the {@link
 * ReportOutputOptions} and whether to keep the scores for the ranking metrics, as {@code bertfit
 * evaluate} takes them.
 */
public final class EvaluationReportOptions {
  @Mixin ReportOutputOptions output;

  @Option(
      names = "--scores",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Keep every probability for ROC-AUC, average precision and log loss: 8 bytes per label"
              + " and row; --no-scores reports counts only (default: ${DEFAULT-VALUE})")
  boolean keepScores;

  /** The report file ({@code --out}), or null for stdout. */
  public Path out() {
    return output.out();
  }

  /** Whether to keep every probability row for the ranking metrics. */
  public boolean keepScores() {
    return keepScores;
  }

  /** Digits and zero-division as report options; checks the format too, so that a run fails early. */
  public ReportOptions reportOptions() {
    output.format();
    return output.reportOptions().build();
  }

  /** The evaluator these options describe. */
  public Evaluator evaluator() {
    return Evaluator.builder().options(reportOptions()).build();
  }

  /** Writes {@code report} to {@code --out}, or to {@code stdout}. */
  public void print(EvaluationReport report, PrintWriter stdout) throws IOException {
    ReportCommand.print(report, output.format(), null, output.out(), stdout);
  }

  /** Writes an entity-level report to {@code --out}, or to {@code stdout}. */
  public void print(EntityReport report, PrintWriter stdout) throws IOException {
    ReportCommand.print(report, output.format(), output.out(), stdout);
  }
}

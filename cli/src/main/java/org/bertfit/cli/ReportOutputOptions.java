package org.bertfit.cli;

import java.nio.file.Path;
import org.bertfit.evaluation.ReportOptions;
import org.bertfit.evaluation.ZeroDivision;
import org.bertfit.evaluation.report.ReportFormat;
import picocli.CommandLine.Option;

/**
 * How a class-wise report reads and where it goes ({@code @Mixin}): format, file, digits and the
 * value of ratios with a zero denominator, as {@code report} and {@code evaluate} take them.
 */
public final class ReportOutputOptions {
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

  /** The report format ({@code --format}). */
  public ReportFormat format() {
    return ReportFormat.parse(format);
  }

  /** The report file ({@code --out}), or null for stdout. */
  public Path out() {
    return out;
  }

  /** Report options with {@code --digits} and {@code --zero-division}, to add labels to. */
  public ReportOptions.Builder reportOptions() {
    return ReportOptions.builder().digits(digits).zeroDivision(ZeroDivision.parse(zeroDivision));
  }
}

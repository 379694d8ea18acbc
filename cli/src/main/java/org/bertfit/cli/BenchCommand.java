package org.bertfit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bertfit bench ...}: benchmarks that print figures measured side by side in one run. */
@Command(
    name = "bench",
    description = "Benchmarks: each prints its figures, measured side by side in the same run.",
    subcommands = {
      BenchForwardCommand.class,
      BenchTrainCommand.class,
      BenchPrecisionCommand.class,
      BenchPaddingCommand.class,
      BenchReportCommand.class,
      BenchTokenizeCommand.class,
      BenchPredictCommand.class,
      BenchParityCommand.class
    })
final class BenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

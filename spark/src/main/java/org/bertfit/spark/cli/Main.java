package org.bertfit.spark.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the Spark commands, for {@code ./bertfit spark-...} and {@code spark-submit
 * --class org.bertfit.spark.cli.Main}.
 */
@Command(
    name = "bertfit",
    mixinStandardHelpOptions = true,
    description = "bertfit's batch prediction and evaluation on Apache Spark.",
    subcommands = {
      CommandLine.HelpCommand.class,
      SparkEvaluateCommand.class,
      SparkPredictCommand.class,
      SparkBenchCommand.class,
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command and returns its exit code. */
  public static int run(String... args) {
    CommandLine cli = commandLine();
    try {
      return cli.execute(args);
    } finally {
      cli.getOut().flush();
      cli.getErr().flush();
    }
  }

  /** The command line, errors as one line on stderr. */
  static CommandLine commandLine() {
    return new CommandLine(new Main()).setExecutionExceptionHandler(new SparkErrorHandler());
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

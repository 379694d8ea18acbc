package org.bertfit.spark.cli;

import org.apache.spark.SparkException;
import org.bertfit.cli.ErrorHandler;
import picocli.CommandLine;

/**
 * The command line's one-line errors, with a failed Spark job's own error: Spark wraps what a task
 * threw in {@link SparkException}s ("Job aborted due to stage failure: ...").
 */
final class SparkErrorHandler implements CommandLine.IExecutionExceptionHandler {
  private final ErrorHandler oneLine = new ErrorHandler();

  @Override
  public int handleExecutionException(
      Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
    Exception cause = e;
    while (cause instanceof SparkException && cause.getCause() instanceof Exception inner) {
      cause = inner;
    }
    return oneLine.handleExecutionException(cause, cli, parseResult);
  }
}

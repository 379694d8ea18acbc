package org.bertfit.cli;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import picocli.CommandLine;

/** Prints an error as one clear line on stderr (the stack trace goes to the debug log) and exits 1. */
public final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
  private static final Logger LOG = LogManager.getLogger();

  @Override
  public int handleExecutionException(
      Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
    LOG.debug("command failed", e);
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    cli.getErr().println(cli.getCommandSpec().qualifiedName() + ": error: " + message);
    cli.getErr().flush();
    return 1;
  }
}

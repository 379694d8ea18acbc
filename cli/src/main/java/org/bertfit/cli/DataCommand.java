package org.bertfit.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bertfit data}: commands that look at labelled data before training on it. */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    versionProvider = BertfitCommand.Version.class,
    description = "Inspect and split labelled data.",
    subcommands = {DataStatsCommand.class, DataSplitCommand.class})
public final class DataCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

package org.bertfit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code bertfit} command: a container for the subcommands. */
@Command(
    name = "bertfit",
    mixinStandardHelpOptions = true,
    versionProvider = BertfitCommand.Version.class,
    description = "Fine-tune, evaluate and export BERT-family text classifiers on TensorFlow Java.",
    subcommands = {
      CommandLine.HelpCommand.class,
      InspectCommand.class,
      ImportCommand.class,
      ExportCommand.class,
      TrainCommand.class,
      EmbedCommand.class,
      DemoCommand.class,
      ReportCommand.class,
      PredictCommand.class,
      EvaluateCommand.class,
      CalibrateCommand.class,
      ThresholdsCommand.class,
      DataCommand.class,
      BenchCommand.class,
    })
public final class BertfitCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** A configured command line: errors as one line on stderr, exit code 2 for usage errors. */
  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new BertfitCommand());
    cli.setExecutionExceptionHandler(new ErrorHandler());
    addHelpOptions(cli);
    return cli;
  }

  /** Gives every subcommand {@code --help} (and {@code --version}) without repeating it on each. */
  private static void addHelpOptions(CommandLine cli) {
    for (CommandLine sub : cli.getSubcommands().values()) {
      if (sub.getCommandSpec().optionsMap().get("--help") == null) {
        sub.getCommandSpec().mixinStandardHelpOptions(true);
      }
      addHelpOptions(sub);
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = BertfitCommand.class.getPackage().getImplementationVersion();
      return new String[] {"bertfit " + (v == null ? "dev" : v)};
    }
  }
}

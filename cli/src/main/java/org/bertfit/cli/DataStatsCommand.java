package org.bertfit.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bertfit.datasets.Dataset;
import org.bertfit.datasets.EncodedDataset;
import org.bertfit.datasets.io.DataFormat;
import org.bertfit.datasets.io.DatasetReader;
import org.bertfit.datasets.stats.DatasetStatistics;
import org.bertfit.datasets.tokenize.BertTokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bertfit data stats}: rows, skipped rows, label distribution and token lengths. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    versionProvider = BertfitCommand.Version.class,
    description = {
      "Print rows, skipped rows by reason, per-label counts and shares, the imbalance ratio and"
          + " token-length percentiles against the maximum length.",
      "Example: bertfit data stats --path ../shared/datasets/emotion/train.txt"
    })
public final class DataStatsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--path",
      required = true,
      paramLabel = "PATH",
      description = "A data file, or a TweetEval split by its prefix (…/sentiment/train)")
  Path path;

  @Mixin InputOptions input;

  @Mixin InputTokenizerOptions tokenizer;

  @Option(names = "--json", description = "Print one JSON object instead of text")
  boolean json;

  @Override
  public Integer call() {
    DataFormat format = input.format(path);
    Dataset data = DatasetReader.read(path, input.readOptions().toBuilder().format(format).build());
    DatasetStatistics stats;
    try (BertTokenizer t = tokenizer.open()) {
      stats = DatasetStatistics.of(data, EncodedDataset.encodeTexts(data, t));
    }
    DataStatsReport report = new DataStatsReport(stats, format, tokenizer.describe());
    spec.commandLine().getOut().print(json ? report.json() : report.text());
    spec.commandLine().getOut().flush();
    return 0;
  }
}

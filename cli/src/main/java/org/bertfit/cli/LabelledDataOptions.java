package org.bertfit.cli;

import java.nio.file.Path;
import org.bertfit.datasets.io.ReadOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --data} and how to read it ({@code @Mixin}), for the commands that run a model over
 * labelled data in this process: {@code evaluate}, {@code calibrate}, {@code spark-bench}.
 */
public final class LabelledDataOptions {
  @Option(
      names = "--data",
      required = true,
      paramLabel = "PATH",
      description = "Labelled data: csv, tsv, tweeteval, semicolon or jsonl; conll for a token classifier")
  Path path;

  @Mixin InputOptions input;

  /** The labelled file ({@code --data}). */
  public Path path() {
    return path;
  }

  /** How to read it: the {@link InputOptions}. */
  public ReadOptions readOptions() {
    return input.readOptions();
  }
}

package org.bertfit.cli;

import java.nio.file.Path;
import org.bertfit.datasets.io.ReadOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --input} and how to read it, for the commands that run a model over texts ({@code
 * predict}, {@code embed}).
 */
final class TextsInput {
  @Option(
      names = "--input",
      required = true,
      paramLabel = "PATH",
      description = "Texts: plain text (one a line), csv, tsv, jsonl, tweeteval or semicolon")
  Path path;

  @Mixin InputOptions input;

  /** How to read {@code --input}: the {@link InputOptions}. */
  ReadOptions readOptions() {
    return input.readOptions();
  }
}

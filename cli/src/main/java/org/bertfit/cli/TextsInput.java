package org.bertfit.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --input} of the commands that run a model over texts ({@code predict}, {@code embed}). */
final class TextsInput {
  @Option(
      names = "--input",
      required = true,
      paramLabel = "PATH",
      description = "Texts: plain text (one a line), csv, tsv, jsonl, tweeteval or semicolon")
  Path path;
}

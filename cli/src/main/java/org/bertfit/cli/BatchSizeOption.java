package org.bertfit.cli;

import picocli.CommandLine.Option;

/** {@code --batch-size}: texts a session run, for the commands that predict ({@code @Mixin}). */
public final class BatchSizeOption {
  @Option(
      names = "--batch-size",
      paramLabel = "N",
      defaultValue = "32",
      description = "Texts a session run (default: ${DEFAULT-VALUE})")
  int batchSize;

  /** Texts a session run. */
  public int batchSize() {
    return batchSize;
  }
}

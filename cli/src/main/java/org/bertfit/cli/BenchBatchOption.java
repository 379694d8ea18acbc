package org.bertfit.cli;

import picocli.CommandLine.Option;

/** {@code --batch} of {@code bench forward} and {@code bench gpu} ({@code @Mixin}). */
final class BenchBatchOption {
  @Option(names = "--batch", description = "Batch size (default ${DEFAULT-VALUE})")
  int batch = 32;
}

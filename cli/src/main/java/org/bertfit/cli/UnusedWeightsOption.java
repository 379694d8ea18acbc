package org.bertfit.cli;

import picocli.CommandLine.Option;

/** {@code --allow-unused-weights} of {@code import} and {@code train} ({@code @Mixin}). */
final class UnusedWeightsOption {
  @Option(names = "--allow-unused-weights",
      description = "Load a checkpoint even when the config leaves some of its encoder variables"
          + " unused (e.g. fewer layers); without it that is an error naming them")
  boolean allowed;
}

package org.bertfit.cli;

import picocli.CommandLine.Option;

/** {@code --warmup} and {@code --steps}: the untimed and timed training steps of {@code bench gpu} and {@code bench train} ({@code @Mixin}). */
final class BenchStepsOptions {
  @Option(names = "--warmup", description = "Untimed steps (on each device) (default ${DEFAULT-VALUE})")
  int warmup = 2;

  @Option(names = "--steps", description = "Timed steps (on each device); the median counts (default ${DEFAULT-VALUE})")
  int steps = 5;
}

package org.bertfit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** {@code bench precision}: its per-seed summary and its refusal of bad options before any model loads. */
class BenchPrecisionCommandTest {
  @Test
  void meanSampleStandardDeviationAndRangeOfHandComputedFigures() {
    // mean 0.42; squared deviations 0.0004 + 0.0004 + 0 over n - 1 = 2: sd 0.02.
    var spread = BenchPrecisionCommand.SeedSpread.of(new double[] {0.40, 0.44, 0.42});
    assertThat(spread.mean()).isCloseTo(0.42, within(1e-12));
    assertThat(spread.sd()).isCloseTo(0.02, within(1e-12));
    assertThat(spread.min()).isEqualTo(0.40);
    assertThat(spread.max()).isEqualTo(0.44);
  }

  @Test
  void oneSeedHasNoSpread() {
    var spread = BenchPrecisionCommand.SeedSpread.of(new double[] {0.5});
    assertThat(spread.sd()).isZero();
    assertThat(spread.mean()).isEqualTo(0.5);
  }

  @Test
  void aPaddingMultipleUnderOneIsRefusedBeforeAnyModelLoads() {
    CliRun run = CliRun.of("bench", "precision", "--pad-to-multiple-of", "0");
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err().strip()).isEqualTo("bertfit bench precision: error: --pad-to-multiple-of must be at least 1, got 0");
    assertThat(run.out()).doesNotContain("forward");
  }
}

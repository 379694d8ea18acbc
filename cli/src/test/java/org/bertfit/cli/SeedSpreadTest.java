package org.bertfit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SeedSpreadTest {
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
}

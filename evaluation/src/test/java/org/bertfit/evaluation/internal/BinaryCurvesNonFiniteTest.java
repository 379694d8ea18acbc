package org.bertfit.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * NaN scores once made the tie-grouping loops spin forever (NaN never equals itself). NaN sorts
 * above every number, so each case must equal scikit-learn's value with NaN replaced by 2.0, a
 * score above all others (reference values from {@code roc_auc_score} and
 * {@code average_precision_score} on those replaced scores).
 */
class BinaryCurvesNonFiniteTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        // y_true, scores with NaN, roc_auc, average_precision (scikit-learn 1.2, NaN -> 2.0)
        Arguments.of(new boolean[] {true, false, true, false},
            new double[] {0.1, Double.NaN, 0.4, Double.NaN}, 0.0, 0.41666666666666663),
        Arguments.of(new boolean[] {true, false, true, false, true},
            new double[] {0.3, Double.NaN, 0.3, 0.2, Double.NaN}, 0.5833333333333334,
            0.6666666666666666));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void nanScoresTerminateAndRankAboveEveryNumber(
      boolean[] positive, double[] score, double rocAuc, double averagePrecision) {
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      assertThat(BinaryCurves.rocAuc(positive, score)).isCloseTo(rocAuc, within(1e-12));
      assertThat(BinaryCurves.averagePrecision(positive, score))
          .isCloseTo(averagePrecision, within(1e-12));
    });
  }
}

package org.bertfit.evaluation;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A model that diverged outputs NaN or infinite scores: the buffer names the example and label. */
class ScoreBufferNonFiniteTest {
  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void multiClassRowsWithNonFiniteScoresAreRefused(double bad) {
    ScoreBuffer buffer = ScoreBuffer.multiClass(3);
    buffer.add(0, new double[] {0.2, 0.3, 0.5});
    assertThatThrownBy(() -> buffer.add(1, new double[] {0.2, bad, 0.5}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("example 2: the score of label 1 is " + bad);
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void multiLabelRowsWithNonFiniteScoresAreRefused(double bad) {
    ScoreBuffer buffer = ScoreBuffer.multiLabel(2);
    assertThatThrownBy(() -> buffer.add(new int[] {1, 0}, new double[] {bad, 0.1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("example 1: the score of label 0 is " + bad);
  }
}

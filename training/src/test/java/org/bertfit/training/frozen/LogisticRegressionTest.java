package org.bertfit.training.frozen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fitted logistic regression against scikit-learn's on the same features. */
class LogisticRegressionTest {
  @ParameterizedTest(name = "{0} classes")
  @ValueSource(ints = {2, 3, 6})
  void decisionValuesEqualScikitLearns(int classes) throws Exception {
    SplittableRandom random = new SplittableRandom(classes);
    int rows = 40 * classes;
    int width = 7;
    float[][] x = new float[rows][width];
    int[] y = new int[rows];
    for (int i = 0; i < rows; i++) {
      y[i] = i % classes;
      for (int j = 0; j < width; j++) {
        // overlapping clusters, so that the optimum is finite and the regularisation matters
        x[i][j] = (float) (random.nextGaussian() * 1.5 + (j % classes == y[i] ? 1.0 : 0.0) + 0.3 * j);
      }
    }
    LinearHead head = new LogisticRegression(0.5, 1e-8, 10_000).fit(x, y, classes);
    ScikitLearnLogistic reference = ScikitLearnLogistic.fit(x, y, 0.5, 1e-8);

    int right = 0;
    for (int i = 0; i < rows; i++) {
      double[] logits = head.logits(x[i]);
      reference.assertMatches(i, logits, 1e-4);
      right += ScikitLearnLogistic.argmax(logits) == y[i] ? 1 : 0;
    }
    assertThat(right).as("better than chance").isGreaterThan(rows / classes);
  }

  @Test
  void aClassWithoutExamplesIsAnError() {
    float[][] x = {{1f}, {2f}};
    assertThatThrownBy(() -> LogisticRegression.defaults().fit(x, new int[] {0, 2}, 3))
        .hasMessage("class 1 has no training example; logistic regression needs each class");
  }
}

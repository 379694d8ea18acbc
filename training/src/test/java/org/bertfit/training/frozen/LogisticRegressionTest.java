package org.bertfit.training.frozen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The fitted logistic regression against scikit-learn's {@code LogisticRegression(solver=
 * "liblinear")} on the same features (src/test/python/logistic_reference.py); skipped where
 * /usr/bin/python3 has no scikit-learn.
 */
class LogisticRegressionTest {
  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final Path SCRIPT = Path.of("src/test/python/logistic_reference.py");
  private static final ObjectMapper JSON = new ObjectMapper();

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
    LogisticRegression fit = new LogisticRegression(0.5, 1e-8, 10_000);
    LinearHead head = fit.fit(x, y, classes);
    JsonNode reference = scikitLearn(x, y, 0.5, 1e-8);

    int predicted = 0;
    for (int i = 0; i < rows; i++) {
      double[] logits = head.logits(x[i]);
      JsonNode decision = reference.get("decision").get(i);
      if (classes == 2) {
        // scikit-learn's decision value is the log-odds of class 1
        assertThat(logits[1] - logits[0]).isCloseTo(decision.get(0).asDouble(), within(1e-4));
      } else {
        for (int k = 0; k < classes; k++) {
          assertThat(logits[k]).as("row %d class %d", i, k).isCloseTo(decision.get(k).asDouble(), within(1e-4));
        }
      }
      assertThat(argmax(logits)).isEqualTo(reference.get("predictions").get(i).asInt());
      predicted += argmax(logits) == y[i] ? 1 : 0;
    }
    assertThat(predicted).as("better than chance").isGreaterThan(rows / classes);
  }

  @Test
  void aClassWithoutExamplesIsAnError() {
    float[][] x = {{1f}, {2f}};
    assertThatThrownBy(() -> LogisticRegression.defaults().fit(x, new int[] {0, 2}, 3))
        .hasMessage("class 1 has no training example; logistic regression needs each class");
  }

  private static int argmax(double[] values) {
    int best = 0;
    for (int k = 1; k < values.length; k++) {
      if (values[k] > values[best]) {
        best = k;
      }
    }
    return best;
  }

  private static JsonNode scikitLearn(float[][] x, int[] y, double c, double tol) throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(PYTHON), "no /usr/bin/python3");
    Process probe = new ProcessBuilder(PYTHON.toString(), "-c", "import sklearn").start();
    assumeTrue(probe.waitFor() == 0, "/usr/bin/python3 has no scikit-learn (Debian: python3-sklearn)");
    Process process = new ProcessBuilder(PYTHON.toString(), SCRIPT.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    try (var in = process.getOutputStream()) {
      in.write(JSON.writeValueAsBytes(Map.of("x", x, "y", y, "C", c, "tol", tol, "solver", "liblinear")));
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as("exit status of " + SCRIPT).isZero();
    return JSON.readTree(out);
  }
}

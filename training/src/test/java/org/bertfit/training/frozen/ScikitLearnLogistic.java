package org.bertfit.training.frozen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * scikit-learn's {@code LogisticRegression(solver="liblinear")} on a feature matrix, run by
 * src/test/python/logistic_reference.py; the calling test is skipped where /usr/bin/python3 has
 * no scikit-learn.
 *
 * @param decision each row's decision values (one column for two classes: class 1's log-odds)
 * @param predictions each row's predicted class
 */
record ScikitLearnLogistic(double[][] decision, int[] predictions) {
  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final Path SCRIPT = Path.of("src/test/python/logistic_reference.py");
  private static final ObjectMapper JSON = new ObjectMapper();

  static ScikitLearnLogistic fit(float[][] x, int[] y, double c, double tol)
      throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(PYTHON), "no /usr/bin/python3");
    Process probe = new ProcessBuilder(PYTHON.toString(), "-c", "import sklearn").start();
    assumeTrue(probe.waitFor() == 0, "/usr/bin/python3 has no scikit-learn (Debian: python3-sklearn)");
    Process process =
        new ProcessBuilder(PYTHON.toString(), SCRIPT.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try (var in = process.getOutputStream()) {
      in.write(JSON.writeValueAsBytes(Map.of("x", x, "y", y, "C", c, "tol", tol, "solver", "liblinear")));
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as("exit status of " + SCRIPT).isZero();
    JsonNode root = JSON.readTree(out);
    return new ScikitLearnLogistic(
        JSON.treeToValue(root.get("decision"), double[][].class),
        JSON.treeToValue(root.get("predictions"), int[].class));
  }

  /**
   * Asserts that {@code logits} (a head's, or log-probabilities: only differences count) give
   * row {@code i}'s decision values to {@code tolerance} and the same class.
   */
  void assertMatches(int i, double[] logits, double tolerance) {
    double[] expected = decision[i];
    if (logits.length == 2) {
      assertThat(logits[1] - logits[0]).as("row %d log-odds", i).isCloseTo(expected[0], within(tolerance));
    } else {
      // one-vs-rest decision values: compare differences to class 0, which softmax keeps
      for (int k = 1; k < logits.length; k++) {
        assertThat(logits[k] - logits[0])
            .as("row %d class %d", i, k)
            .isCloseTo(expected[k] - expected[0], within(tolerance));
      }
    }
    assertThat(argmax(logits)).as("row %d class", i).isEqualTo(predictions[i]);
  }

  static int argmax(double[] values) {
    int best = 0;
    for (int k = 1; k < values.length; k++) {
      if (values[k] > values[best]) {
        best = k;
      }
    }
    return best;
  }
}

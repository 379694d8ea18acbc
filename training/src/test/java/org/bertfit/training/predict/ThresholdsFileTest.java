package org.bertfit.training.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bertfit.evaluation.Thresholds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThresholdsFileTest {
  @TempDir Path dir;

  @Test
  void readsALabelMap() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("thresholds.json"),
            "{\"thresholds\": {\"tech\": 0.25, \"arts\": 0.5, \"sales\": 0.75}}");
    Thresholds t = ThresholdsFile.read(file);
    assertThat(t.labels()).containsExactly("tech", "arts", "sales");
    assertThat(t.values()).containsExactly(0.25, 0.5, 0.75);
  }

  @Test
  void readsWhatThresholdsSaveWrites() throws Exception {
    Path file = dir.resolve("thresholds.json");
    new Thresholds(List.of("sales", "tech"), new double[] {0.1, 0.2}).save(file);
    Thresholds t = ThresholdsFile.read(file);
    assertThat(t.labels()).containsExactly("sales", "tech");
    assertThat(t.values()).containsExactly(0.1, 0.2);
  }

  @Test
  void aThresholdMustBeANumber() throws Exception {
    Path file =
        Files.writeString(dir.resolve("thresholds.json"), "{\"thresholds\": {\"arts\": \"high\"}}");
    assertThatThrownBy(() -> ThresholdsFile.read(file))
        .hasMessage(file + ": the threshold of 'arts' is not a number");
  }
}

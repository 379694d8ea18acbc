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
  private static final List<String> LABELS = List.of("arts", "sales", "tech");

  @TempDir Path dir;

  @Test
  void readsALabelMapInTheModelsOrder() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("thresholds.json"),
            "{\"thresholds\": {\"tech\": 0.25, \"arts\": 0.5, \"sales\": 0.75}}");
    Thresholds t = ThresholdsFile.read(file, LABELS);
    assertThat(t.labels()).isEqualTo(LABELS);
    assertThat(t.values()).containsExactly(0.5, 0.75, 0.25);
  }

  @Test
  void readsWhatThresholdsSaveWrites() throws Exception {
    Path file = dir.resolve("thresholds.json");
    new Thresholds(List.of("sales", "tech", "arts"), new double[] {0.1, 0.2, 0.3}).save(file);
    assertThat(ThresholdsFile.read(file, LABELS).values()).containsExactly(0.3, 0.1, 0.2);
  }

  @Test
  void namesWhatDoesNotFitTheModel() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("thresholds.json"), "{\"thresholds\": {\"arts\": 0.5, \"legal\": 0.5}}");
    assertThatThrownBy(() -> ThresholdsFile.read(file, LABELS))
        .hasMessage(
            file
                + ": thresholds must name each label of the model once; unknown: [legal],"
                + " missing: [sales, tech]; the model's labels: arts, sales, tech");
    Path range =
        Files.writeString(
            dir.resolve("range.json"),
            "{\"thresholds\": {\"arts\": 0.5, \"sales\": 1.5, \"tech\": 0.5}}");
    assertThatThrownBy(() -> ThresholdsFile.read(range, LABELS))
        .hasMessage(range + ": the threshold of 'sales' must be in [0, 1], got 1.5");
  }
}

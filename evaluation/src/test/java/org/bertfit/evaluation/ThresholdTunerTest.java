package org.bertfit.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThresholdTunerTest {
  @Test
  void picksTheThresholdWithTheBestF1PerLabel() throws Exception {
    LabelSet labels = LabelSet.of(List.of("devops", "analyst", "coord"));
    ScoreBuffer validation = ScoreBuffer.multiLabel(3);
    // devops scores 0.9 (+), 0.4 (+), 0.3 (-), 0.2 (+), 0.1 (-).
    // F1 = 2 tp / (predicted + 3): cut 0.9: 2/4; 0.4: 4/5; 0.3: 4/6; 0.2: 6/7; 0.1: 6/8 -> 0.2
    // analyst: one positive scored 0.35 above two negatives (0.3, 0.05): cut 0.35, F1 1
    // coord: no positive -> keeps the default 0.5
    validation.add(new int[] {1, 0, 0}, new double[] {0.9, 0.3, 0.1});
    validation.add(new int[] {1, 1, 0}, new double[] {0.4, 0.35, 0.2});
    validation.add(new int[] {0, 0, 0}, new double[] {0.3, 0.05, 0.3});
    validation.add(new int[] {1, 0, 0}, new double[] {0.2, 0.3, 0.9});
    validation.add(new int[] {0, 0, 0}, new double[] {0.1, 0.3, 0.1});
    Thresholds tuned = new ThresholdTuner(0.5, 1).tune(validation, labels);
    assertThat(tuned.values()).containsExactly(0.2, 0.35, 0.5);
    assertThat(tuned.apply(new double[] {0.2, 0.34, 0.6})).containsExactly(1, 0, 1);
    // a floor of 2 positives: analyst (1 positive) keeps the default as coord (none) does
    ThresholdTuner floored = new ThresholdTuner(0.5, 2);
    assertThat(floored.tune(validation, labels).values()).containsExactly(0.2, 0.5, 0.5);
    assertThat(floored.untuned(validation, labels)).containsExactly("analyst", "coord");
    assertThat(new ThresholdTuner(0.5, 4).tune(validation, labels).values()).containsExactly(0.5, 0.5, 0.5);
  }

  @Test
  void savesAndLoadsAsJson(@TempDir Path dir) throws Exception {
    Thresholds t = new Thresholds(List.of("a", "b"), new double[] {0.25, 0.7});
    Path file = dir.resolve("thresholds.json");
    Files.writeString(file, t.toJson());
    Thresholds loaded = Thresholds.load(file);
    assertThat(loaded.labels()).containsExactly("a", "b");
    assertThat(loaded.values()).containsExactly(0.25, 0.7);
  }
}

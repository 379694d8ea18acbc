package org.bertfit.cli;

import org.bertfit.models.testing.TinySavedModels;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bertfit.models.files.FileTree;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --resume} refusals, each naming what is wrong: a finished run, other settings, an
 * incomplete or corrupt checkpoint, a run without checkpoints, a directory that is no checkpoint.
 * A kill after the last checkpoint is arranged by removing the model and the run's finished mark.
 */
class TrainResumeTest {
  @TempDir static Path dir;
  static Path pretrained;
  static Path train;

  @BeforeAll
  static void data() throws Exception {
    pretrained = TinySavedModels.modelDirectory(dir.resolve("pretrained"), TinySavedModels.CONFIG, 3);
    List<String> texts = TinySavedModels.texts(32, 0);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      lines.add(texts.get(i) + ";" + "abc".charAt(i % 3));
    }
    train = Files.write(dir.resolve("train.txt"), lines);
  }

  private static CliRun train(String model, String... more) {
    List<String> args = new ArrayList<>(List.of("train", "--pretrained", pretrained.toString(),
        "--train", train.toString(), "--epochs", "1", "--batch-size", "8", "--max-length", "16",
        "--save-steps", "2", "--logging-steps", "1", "--threads", "1", "--out", dir.resolve(model).toString(),
        "--run-dir", dir.resolve(model + "-run").toString()));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  /** Leaves the run as a kill after its last checkpoint does: no model, not finished. */
  private static void unfinish(String model) throws Exception {
    Path run = dir.resolve(model + "-run");
    FileTree.delete(dir.resolve(model));
    new RunRecord(RunRecord.read(run).settings(), false).write(run);
  }

  @Test
  void refusesAFinishedRunThenResumesAKilledOneFromAGivenCheckpoint() throws Exception {
    assertThat(train("done").exitCode()).isZero();
    CliRun finished = train("done", "--resume");
    assertThat(finished.exitCode()).isEqualTo(1);
    assertThat(finished.err()).contains("the run in " + dir.resolve("done-run") + " finished (its model is "
        + dir.resolve("done") + "); there is nothing to resume");

    unfinish("done");
    Path checkpoint = dir.resolve("done-run/checkpoints/checkpoint-2");
    CliRun resumed = train("done", "--resume", checkpoint.toString());
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("resuming " + dir.resolve("done-run") + " from " + checkpoint)
        .contains("step 3/4 epoch").doesNotContain("step 2/4 epoch");
    assertThat(dir.resolve("done/config.json")).exists();
    assertThat(RunRecord.read(dir.resolve("done-run")).finished()).isTrue();
  }

  @Test
  void refusesOtherSettingsNamingEach() throws Exception {
    assertThat(train("other").exitCode()).isZero();
    unfinish("other");
    Path otherData = Files.write(dir.resolve("other.txt"), Files.readAllLines(train).subList(0, 30));
    CliRun run = CliRun.of("train", "--pretrained", pretrained.toString(), "--train", otherData.toString(),
        "--epochs", "1", "--batch-size", "8", "--max-length", "16", "--save-steps", "2", "--lr", "1e-3",
        "--out", dir.resolve("other").toString(), "--run-dir", dir.resolve("other-run").toString(), "--resume");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains("the run in " + dir.resolve("other-run") + " was started with other settings; train: "
            + train + " (SHA-256 ")
        .contains("now; learningRate: 5.0E-5 in the run, 0.001 now; loggingSteps: 1 in the run, 50 now."
            + " Resume with the run's settings, or start a new run");
  }

  @Test
  void refusesIncompleteAndCorruptCheckpointsNamingTheFile() throws Exception {
    assertThat(train("broken").exitCode()).isZero();
    unfinish("broken");
    Path checkpoints = dir.resolve("broken-run/checkpoints");
    Files.delete(checkpoints.resolve("checkpoint-4/trainer/state.index"));
    CliRun incomplete = train("broken", "--resume");
    assertThat(incomplete.exitCode()).isEqualTo(1);
    assertThat(incomplete.err()).contains("the checkpoint " + checkpoints.resolve("checkpoint-4")
        + " is incomplete: " + checkpoints.resolve("checkpoint-4/trainer/state.index") + " is missing");

    Path state = Files.writeString(checkpoints.resolve("checkpoint-2/trainer_state.json"), "{\"epoch\": ");
    CliRun corrupt = train("broken", "--resume", checkpoints.resolve("checkpoint-2").toString());
    assertThat(corrupt.exitCode()).isEqualTo(1);
    assertThat(corrupt.err()).contains("the checkpoint " + checkpoints.resolve("checkpoint-2") + " is corrupt: "
        + state + " cannot be read");

    CliRun notACheckpoint = train("broken", "--resume", dir.resolve("pretrained").toString());
    assertThat(notACheckpoint.exitCode()).isEqualTo(1);
    assertThat(notACheckpoint.err()).contains("--resume " + dir.resolve("pretrained")
        + " is not a checkpoint of a bertfit train run (RUN_DIR/checkpoints/checkpoint-N)");

    FileTree.delete(checkpoints);
    CliRun none = train("broken", "--resume");
    assertThat(none.exitCode()).isEqualTo(1);
    assertThat(none.err()).contains(dir.resolve("broken-run") + " has no checkpoint (checkpoints/checkpoint-N)");
  }
}

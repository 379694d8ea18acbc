package org.bertfit.training;

import org.bertfit.models.testing.ChildJvm;
import org.bertfit.models.testing.DirectoryContents;
import org.bertfit.models.testing.TinySavedModels;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bertfit.datasets.Task;
import org.bertfit.training.metrics.Metric;
import org.bertfit.training.optimizers.Optimizer;
import org.bertfit.training.tasks.TaskDefaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a real training run in a child JVM while it saves a checkpoint: the previous
 * checkpoint stays intact and loads, and resuming from it succeeds and leaves nothing behind. The
 * child is held inside the save by a named pipe in place of the vocab.txt it copies into every
 * checkpoint (swapped in after it loaded the model).
 */
class CheckpointKillTest {
  @TempDir Path dir;

  @Test
  void killDuringACheckpointSaveKeepsThePreviousOne() throws Exception {
    Path model = TinySavedModels.modelDirectory(dir.resolve("model"),
        SyntheticData.config(Task.SINGLE_LABEL, 3), 5);
    Path out = dir.resolve("checkpoints");
    Path go = Files.createFile(dir.resolve("go"));
    ChildJvm.run(dir.resolve("first.log"), Duration.ofMinutes(3), TrainMain.class,
        model.toString(), out.toString(), "2");
    Path good = out.resolve("checkpoint-2");
    Map<String, String> before = DirectoryContents.digests(good);
    float[][] predictions = predictions(good);

    Files.delete(go);
    Path log = dir.resolve("killed.log");
    Process child = ChildJvm.start(log, TrainMain.class,
        model.toString(), out.toString(), "4", good.toString());
    Path vocab = model.resolve("vocab.txt");
    byte[] vocabBytes = Files.readAllBytes(vocab);
    try {
      await(() -> Files.readString(log).contains("ready"), child, log);
      Files.delete(vocab);
      assertThat(new ProcessBuilder("mkfifo", vocab.toString()).start().waitFor()).isZero();
      Files.createFile(go);
      await(() -> DirectoryContents.names(out).stream().anyMatch(n -> n.startsWith(".checkpoint-3.tmp-")), child, log);
    } finally {
      child.destroyForcibly();
    }
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).isEqualTo(137); // 128 + SIGKILL
    assertThat(DirectoryContents.names(out)).contains("checkpoint-1", "checkpoint-2").doesNotContain("checkpoint-3");
    assertThat(DirectoryContents.digests(good)).containsExactlyInAnyOrderEntriesOf(before);
    assertThat(predictions(good)).isDeepEqualTo(predictions);

    Files.delete(vocab);
    Files.write(vocab, vocabBytes);
    ChildJvm.run(dir.resolve("resumed.log"), Duration.ofMinutes(3), TrainMain.class,
        model.toString(), out.toString(), "4", good.toString());
    assertThat(DirectoryContents.names(out))
        .containsExactly("checkpoint-1", "checkpoint-2", "checkpoint-3", "checkpoint-4");
    assertThat(predictions(out.resolve("checkpoint-4"))).isNotEmpty();
  }

  private interface Condition {
    boolean holds() throws IOException;
  }

  private static void await(Condition condition, Process child, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (!condition.holds()) {
      if (!child.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError("the child never got there (alive: " + child.isAlive()
            + "); its output:\n" + Files.readString(log));
      }
      Thread.sleep(20);
    }
  }

  /** The probabilities of a checkpoint's weights on the training data, each finite. */
  private static float[][] predictions(Path checkpoint) throws Exception {
    try (Model model = Model.load(checkpoint)) {
      model.compile(Optimizer.adamW(), TaskDefaults.loss(model.config().problemType()), List.of(Metric.accuracy()));
      float[][] probabilities = model.predict(TrainMain.data(checkpoint, model), 8).probabilities();
      for (float[] row : probabilities) {
        for (float p : row) {
          assertThat(p).isBetween(0f, 1f);
        }
      }
      return probabilities;
    }
  }
}

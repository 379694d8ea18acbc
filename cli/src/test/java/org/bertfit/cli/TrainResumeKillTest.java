package org.bertfit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bertfit.models.checkpoint.Checkpoint;
import org.bertfit.models.testing.ChildJvm;
import org.bertfit.models.testing.DirectoryContents;
import org.bertfit.models.testing.TinySavedModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of {@code bertfit train} in a child JVM after its second checkpoint, then {@code train
 * --resume}: the weights of the uninterrupted run, one training log with every row once, and the
 * early-stopping counter carried over (the run stops at the same step). The child is held inside
 * its third checkpoint save by a named pipe in place of the pretrained vocab.txt, which every save
 * copies; the test feeds the pipe to each reader until the second checkpoint is complete.
 */
class TrainResumeKillTest {
  @TempDir Path dir;

  @Test
  void aKilledRunResumedFromItsLatestCheckpointEndsAsTheUninterruptedRun() throws Exception {
    Path pretrained = TinySavedModels.modelDirectory(dir.resolve("pretrained"), TinySavedModels.CONFIG, 3);
    Path train = data("train.txt", 32, 0);
    Path validation = data("val.txt", 12, 1);
    CliRun reference = CliRun.of(args(pretrained, train, validation, "reference"));
    assertThat(reference.exitCode()).as(reference.err()).isZero();

    Path vocab = pretrained.resolve("vocab.txt");
    byte[] vocabBytes = Files.readAllBytes(vocab);
    Path run = dir.resolve("killed-run");
    Path log = dir.resolve("killed.log");
    Process child = ChildJvm.start(log, Main.class, args(pretrained, train, validation, "killed"));
    AtomicBoolean killed = new AtomicBoolean();
    ExecutorService gate = Executors.newSingleThreadExecutor(task -> {
      Thread thread = new Thread(task, "vocab-pipe");
      thread.setDaemon(true); // a child that never reads the pipe leaves it blocked in open
      return thread;
    });
    try {
      await(() -> Files.readString(log).contains("newly initialised"), child, killed, log); // the model is loaded
      Files.delete(vocab);
      assertThat(new ProcessBuilder("mkfifo", vocab.toString()).start().waitFor()).isZero();
      Future<?> held = gate.submit(() -> {
        feedUntilHeld(vocab, vocabBytes, run.resolve("checkpoints/checkpoint-8"), child, killed);
        return null;
      });
      await(held::isDone, child, killed, log);
      held.get();
    } finally {
      child.destroyForcibly();
      gate.shutdownNow();
    }
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).isEqualTo(137); // 128 + SIGKILL
    assertThat(DirectoryContents.names(run.resolve("checkpoints")))
        .contains("checkpoint-4", "checkpoint-8").doesNotContain("checkpoint-12");
    // The killed run logged step 12 (train and eval) past its last checkpoint.
    assertThat(rows(run).stream().filter(r -> r.startsWith("12,")).count()).isEqualTo(2);

    Files.delete(vocab);
    Files.write(vocab, vocabBytes);
    CliRun resumed = CliRun.of(withResume(args(pretrained, train, validation, "killed")));
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("resuming " + run + " from " + run.resolve("checkpoints/checkpoint-8"))
        .contains("step 9/20 ").doesNotContain("step 8/20 "); // it trained only the steps after the checkpoint

    assertSameWeights(dir.resolve("killed-run/checkpoints/checkpoint-12"), dir.resolve("reference-run/checkpoints/checkpoint-12"));
    assertSameWeights(dir.resolve("killed"), dir.resolve("reference"));
    assertSameLog(rows(run), rows(dir.resolve("reference-run")));
    assertThat(DirectoryContents.names(run.resolve("tensorboard"))).hasSize(2); // the killed run's and the resumed one's
  }

  /**
   * The arguments of a run to MODEL, in MODEL-run: 4 steps an epoch, a checkpoint and an
   * evaluation at the end of each, early stopping after 2 evaluations without a gain of 10 (after
   * epoch 3, at step 12, of 5).
   */
  private String[] args(Path pretrained, Path train, Path validation, String model) throws Exception {
    Path config = Files.writeString(dir.resolve("fit.json"), "{\"save_strategy\": \"epoch\"}");
    return new String[] {"train", "--pretrained", pretrained.toString(), "--train", train.toString(),
        "--validation", validation.toString(), "--config", config.toString(), "--epochs", "5",
        "--batch-size", "8", "--max-length", "16", "--lr", "1e-3", "--logging-steps", "1", "--threads", "1",
        "--patience", "2", "--min-delta", "10", "--out", dir.resolve(model).toString(),
        "--run-dir", dir.resolve(model + "-run").toString()};
  }

  private static String[] withResume(String[] args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--resume");
    return all.toArray(String[]::new);
  }

  /** {@code text;label} lines: tiny-vocabulary texts, labels a, b, c in turn. */
  private Path data(String name, int n, long seed) throws Exception {
    List<String> texts = TinySavedModels.texts(n, seed);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      lines.add(texts.get(i) + ";" + "abc".charAt(i % 3));
    }
    return Files.write(dir.resolve(name), lines);
  }

  /**
   * Gives {@code content} to each reader of the pipe until one comes after {@code done} exists;
   * that one is left waiting (the pipe held open, unwritten) and the child killed. A reader that
   * closes the pipe before the end (it needed only the start) breaks the pipe: the next one is fed.
   */
  private static void feedUntilHeld(Path pipe, byte[] content, Path done, Process child, AtomicBoolean killed)
      throws Exception {
    while (true) {
      try (OutputStream out = Files.newOutputStream(pipe)) { // blocks until the child opens it
        if (Files.isDirectory(done)) {
          killed.set(true);
          child.destroyForcibly().waitFor();
          return;
        }
        out.write(content);
      } catch (IOException brokenPipe) {
        // the reader stopped early: it has what it wanted
      }
    }
  }

  private interface Condition {
    boolean holds() throws Exception;
  }

  /** Waits for {@code condition} while the child lives (or was killed by the test). */
  private static void await(Condition condition, Process child, AtomicBoolean killed, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (!condition.holds()) {
      if ((!child.isAlive() && !killed.get()) || System.nanoTime() > deadline) {
        throw new AssertionError("the child never got there (alive: " + child.isAlive()
            + "); its output:\n" + Files.readString(log));
      }
      Thread.sleep(20);
    }
  }

  private static List<String> rows(Path run) throws Exception {
    return Files.readAllLines(run.resolve("training_log.csv"));
  }

  /** Same header, same step and kind in every row, numbers equal to 1e-5. */
  private static void assertSameLog(List<String> actual, List<String> expected) {
    assertThat(actual).hasSameSizeAs(expected);
    assertThat(actual.get(0)).isEqualTo(expected.get(0));
    assertThat(actual.stream().skip(1).map(r -> r.split(",")[0] + r.split(",")[2]).toList())
        .isEqualTo(expected.stream().skip(1).map(r -> r.split(",")[0] + r.split(",")[2]).toList())
        .doesNotHaveDuplicates()
        .hasSize(12 + 3);
    for (int row = 1; row < expected.size(); row++) {
      String[] a = actual.get(row).split(",", -1);
      String[] e = expected.get(row).split(",", -1);
      for (int column = 3; column < e.length; column++) {
        if (e[column].isEmpty()) {
          assertThat(a[column]).isEmpty();
        } else {
          assertThat(Double.parseDouble(a[column])).as(expected.get(row))
              .isCloseTo(Double.parseDouble(e[column]), within(1e-5));
        }
      }
    }
  }

  /** Every variable of the model (or checkpoint) directory {@code actual} within 1e-6 of {@code expected}'s. */
  private static void assertSameWeights(Path actual, Path expected) {
    Checkpoint a = Checkpoint.open(actual.resolve("variables/variables"));
    Checkpoint e = Checkpoint.open(expected.resolve("variables/variables"));
    assertThat(a.variables().keySet()).isEqualTo(e.variables().keySet()).isNotEmpty();
    for (String name : e.variables().keySet()) {
      float[] x = a.readFloats(name);
      float[] y = e.readFloats(name);
      assertThat(x).hasSameSizeAs(y);
      for (int i = 0; i < y.length; i++) {
        assertThat(x[i]).as(name).isCloseTo(y[i], within(1e-6f));
      }
    }
  }
}

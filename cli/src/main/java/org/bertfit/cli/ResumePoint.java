package org.bertfit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where {@code train --resume} continues: a complete checkpoint ({@code RUN/checkpoints/checkpoint-N})
 * and the run directory it belongs to, which the resumed run reuses for its logs and checkpoints.
 *
 * @param runDir the run directory of the checkpoint
 * @param checkpoint the checkpoint to continue from
 */
record ResumePoint(Path runDir, Path checkpoint) {
  private static final String CHECKPOINTS = "checkpoints";
  private static final String PREFIX = "checkpoint-";
  /** The files of a checkpoint that a resume reads. */
  private static final List<String> REQUIRED = List.of(
      "trainer_state.json", "config.json", "variables/variables.index",
      "variables/variables.data-00000-of-00001", "trainer/state.index", "trainer/state.data-00000-of-00001");

  /** The checkpoints of a run, under its run directory. */
  static Path checkpointsOf(Path runDir) {
    return runDir.resolve(CHECKPOINTS);
  }

  /**
   * Finds the checkpoint of {@code --resume} and its run, which must not have finished.
   *
   * @param resume the checkpoint directory, or empty for the latest checkpoint of the run
   * @param runDir {@code --run-dir}, or null: the default run directory of {@code out} under {@code root}
   */
  static ResumePoint find(String resume, Path runDir, Path root, Path out) {
    ResumePoint point = resume.isEmpty()
        ? latest(runDir != null ? runDir : defaultRun(root, out))
        : given(Path.of(resume), runDir);
    RunRecord.read(point.runDir).requireUnfinished(point.runDir);
    point.requireComplete();
    return point;
  }

  private static ResumePoint given(Path checkpoint, Path runDirOption) {
    Path parent = checkpoint.toAbsolutePath().normalize().getParent();
    if (!isCheckpointName(checkpoint.toAbsolutePath().normalize()) || parent == null
        || !parent.getFileName().toString().equals(CHECKPOINTS)
        || !Files.exists(parent.getParent().resolve(RunDirectory.MARKER))) {
      throw new IllegalArgumentException("--resume " + checkpoint + " is not a checkpoint of a bertfit train run"
          + " (RUN_DIR/checkpoints/checkpoint-N)");
    }
    Path run = parent.getParent();
    if (runDirOption != null && !run.equals(runDirOption.toAbsolutePath().normalize())) {
      throw new IllegalArgumentException("--resume " + checkpoint + " belongs to the run directory " + run
          + ", not to --run-dir " + runDirOption + "; leave out --run-dir");
    }
    return new ResumePoint(run, checkpoint);
  }

  /** The newest checkpoint of {@code run}. */
  private static ResumePoint latest(Path run) {
    if (!Files.exists(run.resolve(RunDirectory.MARKER))) {
      throw new IllegalArgumentException("--resume: " + run + " is not the run directory of a bertfit train run");
    }
    try (Stream<Path> dirs = Files.list(checkpointsOf(run))) {
      Optional<Path> newest = dirs.filter(ResumePoint::isCheckpointName)
          .max(Comparator.comparingLong(ResumePoint::step));
      if (newest.isPresent()) {
        return new ResumePoint(run, newest.get());
      }
    } catch (IOException e) {
      if (Files.exists(checkpointsOf(run))) {
        throw new UncheckedIOException("cannot list " + checkpointsOf(run) + ": " + e.getMessage(), e);
      }
    }
    throw new IllegalArgumentException("--resume: " + run + " has no checkpoint (checkpoints/checkpoint-N) to"
        + " resume from; a run writes them with --save-steps N or save_strategy in --config");
  }

  /** The newest default run directory whose run trains {@code out}. */
  private static Path defaultRun(Path root, Path out) {
    Path absolute = out.toAbsolutePath().normalize();
    List<Path> runs = RunDirectory.existingDefaults(root, out).stream()
        .filter(run -> Files.isRegularFile(run.resolve(RunRecord.FILE)) && RunRecord.read(run).trains(absolute))
        .toList();
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("--resume: no run directory under " + root + " trains --out " + out
          + "; give its --run-dir, or --resume CHECKPOINT_DIR");
    }
    return runs.get(runs.size() - 1);
  }

  /** Refuses a checkpoint that lacks a file, or whose trainer state cannot be read, naming the file. */
  private void requireComplete() {
    for (String name : REQUIRED) {
      if (!Files.isRegularFile(checkpoint.resolve(name))) {
        throw new IllegalArgumentException("--resume: the checkpoint " + checkpoint + " is incomplete: "
            + checkpoint.resolve(name) + " is missing");
      }
    }
    Path state = checkpoint.resolve(REQUIRED.get(0));
    try {
      JsonNode root = new ObjectMapper().readTree(state.toFile());
      if (root == null || !root.isObject()) {
        throw new IOException("not a JSON object");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("--resume: the checkpoint " + checkpoint + " is corrupt: " + state
          + " cannot be read (" + e.getMessage() + ")", e);
    }
  }

  private static boolean isCheckpointName(Path dir) {
    return step(dir) >= 0;
  }

  /** The step of {@code checkpoint-N}, or -1 for another name. */
  private static long step(Path dir) {
    String name = dir.getFileName().toString();
    return name.matches(PREFIX + "\\d{1,18}") ? Long.parseLong(name.substring(PREFIX.length())) : -1;
  }
}

package org.bertfit.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The directory of one training run's logs and checkpoints, never shared by two runs: a run claims
 * an absent or empty directory by creating a marker file in it (atomically, so that two runs
 * started at once cannot both win). The default for model {@code NAME} is {@code runs/NAME}, then
 * {@code runs/NAME-2}, {@code runs/NAME-3}, ... when taken.
 */
final class RunDirectory {
  /** The marker a run leaves in its directory. */
  static final String MARKER = ".bertfit-run";

  private RunDirectory() {}

  /**
   * Claims {@code requested} (from {@code --run-dir}), which must be absent or empty; when null,
   * the first free default for the model directory {@code out}.
   */
  static Path claim(Path requested, Path out) {
    return claim(requested, Path.of("runs"), out);
  }

  /** As {@link #claim(Path, Path)}, with the defaults under {@code root}. */
  static Path claim(Path requested, Path root, Path out) {
    if (requested != null) {
      List<String> taken = claimOrContents(requested);
      if (!taken.isEmpty()) {
        throw new IllegalArgumentException("--run-dir " + requested + " holds another run's files ("
            + String.join(", ", taken) + "); choose another --run-dir or remove it");
      }
      return requested;
    }
    for (int n = 1; ; n++) {
      Path candidate = defaultFor(root, out, n);
      if (claimOrContents(candidate).isEmpty()) {
        return candidate;
      }
    }
  }

  /** The default run directories of {@code out} under {@code root} that exist, oldest first. */
  static List<Path> existingDefaults(Path root, Path out) {
    List<Path> found = new ArrayList<>();
    for (int n = 1; Files.isDirectory(defaultFor(root, out, n)); n++) {
      found.add(defaultFor(root, out, n));
    }
    return found;
  }

  /** {@code root/NAME} for n = 1, else {@code root/NAME-n}, NAME being the name of {@code out}. */
  private static Path defaultFor(Path root, Path out, int n) {
    String name = out.toAbsolutePath().normalize().getFileName().toString();
    return root.resolve(n == 1 ? name : name + "-" + n);
  }

  /** Gives a claimed directory back when the run failed before writing anything but its record into it. */
  static void releaseIfUnused(Path dir) {
    try (Stream<Path> children = Files.list(dir)) {
      if (children.allMatch(p -> Set.of(MARKER, RunRecord.FILE).contains(p.getFileName().toString()))) {
        Files.deleteIfExists(dir.resolve(RunRecord.FILE));
        Files.deleteIfExists(dir.resolve(MARKER));
        Files.deleteIfExists(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the run directory " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Claims {@code dir}; returns nothing when claimed, else the names it already holds. */
  private static List<String> claimOrContents(Path dir) {
    try {
      Files.createDirectories(dir);
      try {
        Files.createFile(dir.resolve(MARKER));
      } catch (FileAlreadyExistsException e) {
        return List.of(MARKER);
      }
      List<String> others;
      try (Stream<Path> children = Files.list(dir)) {
        others = children.map(p -> p.getFileName().toString())
            .filter(n -> !n.equals(MARKER)).sorted().toList();
      }
      if (!others.isEmpty()) {
        Files.delete(dir.resolve(MARKER));
      }
      return others;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the run directory " + dir + ": " + e.getMessage(), e);
    }
  }
}

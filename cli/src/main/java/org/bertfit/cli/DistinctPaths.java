package org.bertfit.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses a command whose output path names one of its inputs or another of its outputs: writing
 * it would destroy the input. Paths are compared as files when both exist (a link or another
 * spelling of the same file counts), else as normalised absolute paths.
 */
final class DistinctPaths {
  private record Named(String option, Path path) {}

  private final List<Named> outputs = new ArrayList<>();
  private final List<Named> inputs = new ArrayList<>();

  /** Adds an output option (ignored when {@code path} is null). */
  DistinctPaths output(String option, Path path) {
    if (path != null) {
      outputs.add(new Named(option, path));
    }
    return this;
  }

  /** Adds an input option (ignored when {@code path} is null). */
  DistinctPaths input(String option, Path path) {
    if (path != null) {
      inputs.add(new Named(option, path));
    }
    return this;
  }

  /** Adds the inputs of an option given several times. */
  DistinctPaths inputs(String option, List<Path> paths) {
    if (paths != null) {
      paths.forEach(p -> input(option, p));
    }
    return this;
  }

  /** Fails naming the first output that is an input or an earlier output. */
  void require() {
    for (int i = 0; i < outputs.size(); i++) {
      Named out = outputs.get(i);
      List<Named> others = new ArrayList<>(outputs.subList(0, i));
      others.addAll(inputs);
      for (Named other : others) {
        if (same(out.path(), other.path())) {
          throw new IllegalArgumentException(out.option() + " " + out.path() + " is the same file as "
              + other.option() + " " + other.path() + ": writing it would destroy what "
              + other.option() + " holds; choose another " + out.option());
        }
      }
    }
  }

  private static boolean same(Path a, Path b) {
    try {
      if (Files.exists(a) && Files.exists(b)) {
        return Files.isSameFile(a, b);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot compare " + a + " and " + b + ": " + e.getMessage(), e);
    }
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }
}

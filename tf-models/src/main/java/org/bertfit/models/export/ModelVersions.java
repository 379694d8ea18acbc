package org.bertfit.models.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The version directories under a TF Serving model base path: directories named by a number (TF
 * Serving serves the highest). Hidden temporary directories of unfinished exports do not count.
 */
public final class ModelVersions {
  private ModelVersions() {}

  /** The directory of {@code version}, or of the next version when it is empty. */
  static Path target(Path base, OptionalLong version) {
    long number = version.isPresent() ? version.getAsLong() : highest(base) + 1;
    return base.resolve(Long.toString(number));
  }

  /** The highest version under {@code base}, or 0 when there is none. */
  public static long highest(Path base) {
    if (!Files.isDirectory(base)) {
      return 0;
    }
    try (Stream<Path> children = Files.list(base)) {
      return children
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .filter(name -> name.matches("[0-9]{1,18}"))
          .mapToLong(Long::parseLong)
          .max()
          .orElse(0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + base + ": " + e.getMessage(), e);
    }
  }
}

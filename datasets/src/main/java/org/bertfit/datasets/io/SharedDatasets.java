package org.bertfit.datasets.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the folder of shared real datasets ({@code shared/datasets}: emotion, goemotions,
 * conll2003, tweeteval) that tests and benchmarks read: the system property {@code
 * bertfit.datasets}, else the environment variable {@code BERTFIT_DATASETS}, else the first {@code
 * shared/datasets} found walking up from the working directory.
 */
public final class SharedDatasets {
  public static final String PROPERTY = "bertfit.datasets";
  public static final String ENVIRONMENT = "BERTFIT_DATASETS";

  private SharedDatasets() {}

  public static Optional<Path> locate() {
    String given = given();
    if (given != null) {
      Path path = Path.of(given);
      return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("datasets");
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Where {@link #locate()} looked, for messages when it finds nothing. */
  public static String searched() {
    String given = given();
    return given != null
        ? given + " (from -D" + PROPERTY + " or $" + ENVIRONMENT + ") is not a directory"
        : "no shared/datasets above "
            + Path.of("").toAbsolutePath()
            + "; set -D"
            + PROPERTY
            + " or $"
            + ENVIRONMENT;
  }

  private static String given() {
    String given = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
    return given == null || given.isBlank() ? null : given;
  }
}

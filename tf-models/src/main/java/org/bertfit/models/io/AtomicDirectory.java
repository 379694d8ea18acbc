package org.bertfit.models.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes a directory atomically: everything goes into a hidden temporary sibling, which is renamed
 * to the target only when complete. A crash mid-write leaves the target as it was (absent, or the
 * previous version) plus a {@code .NAME.tmp-*} sibling that the next write of the same target
 * removes.
 */
public final class AtomicDirectory {
  /** Fills a directory. */
  @FunctionalInterface
  public interface Writer {
    void write(Path dir) throws IOException;
  }

  private AtomicDirectory() {}

  /**
   * Writes {@code target} with {@code writer}.
   *
   * @param replace whether an existing target is replaced; if not, an existing target is an error
   */
  public static void write(Path target, boolean replace, Writer writer) {
    Path parent = target.toAbsolutePath().getParent();
    String name = target.getFileName().toString();
    try {
      Files.createDirectories(parent);
      removeLeftovers(parent, name);
      if (Files.exists(target) && !replace) {
        throw new FileAlreadyExistsException(target + " exists (use --force to replace it)");
      }
      Path temp = parent.resolve("." + name + ".tmp-" + UUID.randomUUID());
      try {
        Files.createDirectory(temp);
        writer.write(temp);
        if (Files.exists(target)) {
          Path old = parent.resolve("." + name + ".tmp-old-" + UUID.randomUUID());
          Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
          Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
          deleteRecursively(old);
        } else {
          Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        }
      } finally {
        deleteRecursively(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  private static void removeLeftovers(Path parent, String name) throws IOException {
    try (Stream<Path> siblings = Files.list(parent)) {
      for (Path p : siblings.filter(p -> p.getFileName().toString().startsWith("." + name + ".tmp-")).toList()) {
        deleteRecursively(p);
      }
    }
  }

  /** Deletes a file or a directory tree; nothing if absent. */
  public static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(path)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}

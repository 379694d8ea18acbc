package org.bertfit.inference.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * A UTF-8 text file written under a hidden temporary name beside its target and moved into place by
 * {@link #commit}: it appears complete, or not at all.
 */
final class AtomicFile implements AutoCloseable {
  private final Path target;
  private final Path temp;
  private final Writer writer;
  private boolean committed;

  private AtomicFile(Path target) throws IOException {
    this.target = target;
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    this.temp = parent.resolve("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
    this.writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
  }

  static AtomicFile create(Path target) {
    try {
      return new AtomicFile(target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  Writer writer() {
    return writer;
  }

  /** The error of a failed write, naming the target. */
  UncheckedIOException failure(IOException e) {
    return new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
  }

  /** Finishes the file and moves it into place. */
  void commit() {
    try {
      writer.close();
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      committed = true;
    } catch (IOException e) {
      throw failure(e);
    }
  }

  /** Drops the file unless committed. */
  @Override
  public void close() {
    if (!committed) {
      try {
        writer.close();
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove " + temp + ": " + e.getMessage(), e);
      }
    }
  }
}

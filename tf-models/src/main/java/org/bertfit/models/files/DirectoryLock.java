package org.bertfit.models.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock of one writer of a directory, on {@code .NAME.lock}: an operating-system lock, released
 * even when the process is killed. Closing deletes the file while still holding the lock; a killed
 * process leaves the file, unlocked, for the next writer. (A writer that opened the file just before
 * it was deleted could lock the deleted file: a race of three writers within microseconds, which
 * this does not guard against.)
 */
final class DirectoryLock implements AutoCloseable {
  private final Path file;
  private final FileChannel channel;

  private DirectoryLock(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /** The lock file of {@code parent/name}. */
  static Path file(Path parent, String name) {
    return parent.resolve("." + name + ".lock");
  }

  /** The lock of {@code parent/name}, or null when another process holds it. */
  static DirectoryLock acquire(Path parent, String name) throws IOException {
    Path file = file(parent, name);
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // held by another thread of this process
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      channel.close();
      return null;
    }
    return new DirectoryLock(file, channel);
  }

  @Override
  public void close() throws IOException {
    try {
      Files.deleteIfExists(file);
    } finally {
      channel.close();
    }
  }
}

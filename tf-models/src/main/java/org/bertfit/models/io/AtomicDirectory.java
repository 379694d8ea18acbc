package org.bertfit.models.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Writes a directory atomically: everything goes into a hidden temporary sibling, which is renamed
 * to the target only when complete. Replacing swaps by two renames, the old directory first set
 * aside as {@code .NAME.tmp-old-*}. One writer at a time: a lock on {@code .NAME.lock} (an
 * operating-system lock, released even when the process is killed) refuses a second. A crash at
 * any point leaves the target as it was or, between the two renames, set aside; the next write of
 * the target (or {@link #recover}) puts a set-aside target back and removes the other leftovers,
 * logging what it did.
 */
public final class AtomicDirectory {
  private static final Logger LOG = LogManager.getLogger();
  private static final String TEMP = ".tmp-";
  private static final String OLD = ".tmp-old-";

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
   * @throws IllegalStateException if another process is writing {@code target}
   */
  public static void write(Path target, boolean replace, Writer writer) {
    Path parent = target.toAbsolutePath().getParent();
    String name = target.getFileName().toString();
    try {
      Files.createDirectories(parent);
      try (Lock lock = Lock.acquire(parent, name)) {
        if (lock == null) {
          throw new IllegalStateException(target + " is being written by another process (it holds "
              + lockFile(parent, name) + "); wait for it to finish");
        }
        cleanUp(parent, name);
        if (Files.exists(target) && !replace) {
          throw new FileAlreadyExistsException(target + " exists (use --force to replace it)");
        }
        Path temp = parent.resolve("." + name + TEMP + UUID.randomUUID());
        try {
          Files.createDirectory(temp);
          writer.write(temp);
          if (Files.exists(target)) {
            Path old = parent.resolve("." + name + OLD + UUID.randomUUID());
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            deleteRecursively(old);
          } else {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
          }
        } finally {
          deleteRecursively(temp);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /**
   * Repairs what interrupted writes left in {@code parent}, for every target nobody is writing: a
   * target set aside while being replaced is put back, temporary directories are removed.
   *
   * @return the leftovers removed or restored, for a report
   */
  public static List<Path> recover(Path parent) {
    if (!Files.isDirectory(parent)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(parent)) {
      List<String> names = children.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(".") && n.contains(TEMP))
          .map(n -> n.substring(1, n.indexOf(TEMP)))
          .distinct().toList();
      List<Path> repaired = new ArrayList<>();
      for (String name : names) {
        try (Lock lock = Lock.acquire(parent, name)) {
          if (lock != null) {
            repaired.addAll(cleanUp(parent, name));
          }
        }
      }
      return repaired;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean up " + parent + ": " + e.getMessage(), e);
    }
  }

  /** Under the lock: puts a set-aside target back if the target is missing, removes the rest. */
  private static List<Path> cleanUp(Path parent, String name) throws IOException {
    List<Path> leftovers;
    try (Stream<Path> siblings = Files.list(parent)) {
      leftovers = siblings.filter(p -> p.getFileName().toString().startsWith("." + name + TEMP))
          .sorted().toList();
    }
    Path target = parent.resolve(name);
    for (Path p : leftovers) {
      if (p.getFileName().toString().startsWith("." + name + OLD) && !Files.exists(target)) {
        Files.move(p, target, StandardCopyOption.ATOMIC_MOVE);
        LOG.warn("restored {} from {}, set aside by a replacement that was interrupted", target, p);
      } else {
        deleteRecursively(p);
        LOG.warn("removed {}, left by an interrupted write of {}", p, target);
      }
    }
    return leftovers;
  }

  private static Path lockFile(Path parent, String name) {
    return parent.resolve("." + name + ".lock");
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

  /**
   * The writer's lock on {@code .NAME.lock}. Closing deletes the file while still holding the lock;
   * a killed process leaves the file, unlocked, for the next writer. (A writer that opened the file
   * just before it was deleted could lock the deleted file: a race of three writers within
   * microseconds, which this does not guard against.)
   */
  private static final class Lock implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;

    private Lock(Path file, FileChannel channel) {
      this.file = file;
      this.channel = channel;
    }

    /** The lock, or null when another process holds it. */
    static Lock acquire(Path parent, String name) throws IOException {
      Path file = lockFile(parent, name);
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
      return new Lock(file, channel);
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
}

package org.bertfit.models.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Atomic writes of files and directories: each is built under a hidden temporary sibling, {@code
 * .NAME.tmp-UUID}, and renamed into place when complete, so a reader, or a process killed midway,
 * finds the old target or the new one, never a part. A failed write removes its temporary and leaves
 * the target as it was. Errors name the target: {@code cannot write TARGET: reason}.
 *
 * <pre>{@code
 * AtomicWrite.text(dir.resolve("run.json"), json);
 * AtomicWrite.file(file, out -> out.write(bytes));
 * AtomicWrite.directory(Path.of("models/sentiment"), force, temp -> model.save(temp));
 * }</pre>
 *
 * <p>Files are replaced without a lock: the last writer wins. A directory is written by one process
 * at a time (an operating-system lock on {@code .NAME.lock}); replacing it swaps by two renames, the
 * old directory first set aside as {@code .NAME.tmp-old-UUID}, and the next write of the target (or
 * {@link #recover}) puts a set-aside target back after a crash and removes the leftovers. Nothing is
 * synced to disk: the guarantee is against processes that die, not against power loss.
 */
public final class AtomicWrite {
  private static final Logger LOG = LogManager.getLogger();
  private static final String TEMP = ".tmp-";
  private static final String OLD = ".tmp-old-";

  /** Writes a file's bytes. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Fills a directory. */
  @FunctionalInterface
  public interface Fill {
    void into(Path dir) throws IOException;
  }

  private AtomicWrite() {}

  /** Writes {@code text} as UTF-8 to {@code file}, replacing it. */
  public static void text(Path file, String text) {
    file(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Writes {@code file} with {@code content}, replacing it. */
  public static void file(Path file, Content content) {
    try (PendingFile pending = open(file)) {
      content.writeTo(pending.out());
      pending.commit();
    } catch (IOException e) {
      throw failure(file, e);
    }
  }

  /**
   * Writes several files as one: every file is written under its temporary name before the first is
   * moved into place, so a failure while writing leaves none of them.
   *
   * @param replace whether existing files are replaced; if not, one existing file is an error and
   *     nothing is written
   */
  public static void files(Map<Path, byte[]> files, boolean replace) {
    if (!replace) {
      files.keySet().forEach(AtomicWrite::requireAbsent);
    }
    List<PendingFile> pending = new ArrayList<>();
    try {
      for (Map.Entry<Path, byte[]> f : files.entrySet()) {
        PendingFile file = open(f.getKey());
        pending.add(file);
        try {
          file.out().write(f.getValue());
        } catch (IOException e) {
          throw failure(f.getKey(), e);
        }
      }
      pending.forEach(PendingFile::commit);
    } finally {
      pending.forEach(PendingFile::close);
    }
  }

  /** Starts a file written over time (streamed output); it appears on {@link PendingFile#commit}. */
  public static PendingFile open(Path file) {
    try {
      return new PendingFile(file);
    } catch (IOException e) {
      throw failure(file, e);
    }
  }

  /**
   * Writes the directory {@code target} with {@code fill}, which gets an empty directory.
   *
   * @param replace whether an existing target is replaced; if not, an existing target is an error
   * @throws IllegalStateException if another process is writing {@code target}
   */
  public static void directory(Path target, boolean replace, Fill fill) {
    Path parent = target.toAbsolutePath().getParent();
    String name = target.getFileName().toString();
    try {
      Files.createDirectories(parent);
      try (DirectoryLock lock = DirectoryLock.acquire(parent, name)) {
        if (lock == null) {
          throw new IllegalStateException(target + " is being written by another process (it holds "
              + DirectoryLock.file(parent, name) + "); wait for it to finish");
        }
        cleanUp(parent, name);
        if (!replace) {
          requireAbsent(target);
        }
        Path temp = temporary(target, TEMP);
        try {
          Files.createDirectory(temp);
          fill.into(temp);
          if (Files.exists(target)) {
            Path old = temporary(target, OLD);
            move(target, old);
            move(temp, target);
            FileTree.delete(old);
          } else {
            move(temp, target);
          }
        } finally {
          FileTree.delete(temp);
        }
      }
    } catch (IOException e) {
      throw failure(target, e);
    }
  }

  /**
   * Writes the directory {@code target} with {@code fill} unless it exists, as a cache does: when
   * another process writes it meanwhile, theirs is kept and this one dropped.
   */
  public static void directoryIfAbsent(Path target, Fill fill) {
    if (Files.exists(target)) {
      return;
    }
    Path temp = temporary(target, TEMP);
    try {
      Files.createDirectories(temp);
      try {
        fill.into(temp);
        try {
          move(temp, target);
        } catch (IOException e) { // Linux says "Directory not empty" in a plain FileSystemException
          if (!Files.isDirectory(target)) {
            throw e;
          }
        }
      } finally {
        FileTree.delete(temp);
      }
    } catch (IOException e) {
      throw failure(target, e);
    }
  }

  /**
   * Repairs what interrupted directory writes left in {@code parent}, for every target nobody is
   * writing: a target set aside while being replaced is put back, temporaries are removed.
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
        try (DirectoryLock lock = DirectoryLock.acquire(parent, name)) {
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
        move(p, target);
        LOG.warn("restored {} from {}, set aside by a replacement that was interrupted", target, p);
      } else {
        FileTree.delete(p);
        LOG.warn("removed {}, left by an interrupted write of {}", p, target);
      }
    }
    return leftovers;
  }

  private static void requireAbsent(Path target) {
    if (Files.exists(target)) {
      throw failure(target, new FileAlreadyExistsException(target + " exists (use --force to replace it)"));
    }
  }

  private static Path temporary(Path target, String kind) {
    return target.toAbsolutePath().resolveSibling("." + target.getFileName() + kind + UUID.randomUUID());
  }

  /** Renames {@code from} to {@code to} atomically; there is no fallback that would keep the promise. */
  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the file system of " + to.toAbsolutePath().getParent()
          + " cannot rename atomically; write to a local disk", e);
    }
  }

  private static UncheckedIOException failure(Path target, IOException e) {
    return new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
  }

  /**
   * A file being written under its temporary name: {@link #commit} moves it into place, {@link
   * #close} drops it unless committed.
   */
  public static final class PendingFile implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final OutputStream out;
    private Writer writer;
    private boolean committed;

    private PendingFile(Path target) throws IOException {
      this.target = target;
      this.temp = temporary(target, TEMP);
      Files.createDirectories(temp.getParent());
      this.out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
    }

    /** The file's bytes. */
    public OutputStream out() {
      return out;
    }

    /** The file's text, UTF-8 (one writer, flushed on commit). */
    public Writer writer() {
      if (writer == null) {
        writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      }
      return writer;
    }

    /** The error of a failed write, naming the target. */
    public UncheckedIOException failure(IOException e) {
      return AtomicWrite.failure(target, e);
    }

    /** Finishes the file and moves it over the target. */
    public void commit() {
      try {
        if (writer != null) {
          writer.flush();
        }
        out.close();
        move(temp, target);
        committed = true;
      } catch (IOException e) {
        throw failure(e);
      }
    }

    /** Drops the file unless committed. */
    @Override
    public void close() {
      if (committed) {
        return;
      }
      try {
        out.close();
      } catch (IOException ignored) {
        // the write already failed; the temporary goes regardless
      }
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove " + temp + ": " + e.getMessage(), e);
      }
    }
  }
}

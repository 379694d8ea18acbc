package org.bertfit.models.files;

import org.bertfit.models.testing.DirectoryContents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AtomicWriteTest {
  @TempDir Path dir;

  @Test
  void writesFilesAndTheirParentDirectories() throws Exception {
    Path text = dir.resolve("a/b/run.json");
    AtomicWrite.text(text, "{\"é\": 1}");
    AtomicWrite.file(dir.resolve("a/bytes.bin"), out -> out.write(new byte[] {1, 2, 3}));

    assertThat(text).hasContent("{\"é\": 1}");
    assertThat(Files.readAllBytes(dir.resolve("a/bytes.bin"))).containsExactly(1, 2, 3);
    assertThat(DirectoryContents.names(dir.resolve("a"))).containsExactly("b", "bytes.bin");
  }

  @Test
  void replacesAnExistingFile() throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(file, "old and longer");
    AtomicWrite.text(file, "new");
    assertThat(file).hasContent("new");
    assertThat(DirectoryContents.names(dir)).containsExactly("config.json");
  }

  @Test
  void aStreamedFileAppearsOnCommitOnly() throws Exception {
    Path file = dir.resolve("predictions.jsonl");
    try (AtomicWrite.PendingFile pending = AtomicWrite.open(file)) {
      pending.writer().write("{\"label\": \"joy\"}\n");
      pending.writer().write("{\"label\": \"fear\"}\n");
      assertThat(file).doesNotExist();
      pending.commit();
    }
    assertThat(file).hasContent("{\"label\": \"joy\"}\n{\"label\": \"fear\"}\n");
    assertThat(DirectoryContents.names(dir)).containsExactly("predictions.jsonl");
  }

  @Test
  void writesADirectoryAndReplacesItWhenAsked() throws Exception {
    Path model = dir.resolve("models/sentiment");
    AtomicWrite.directory(model, false, d -> Files.writeString(d.resolve("config.json"), "1"));
    assertThat(model.resolve("config.json")).hasContent("1");

    AtomicWrite.directory(model, true, d -> Files.writeString(d.resolve("weights"), "2"));
    assertThat(DirectoryContents.names(model)).containsExactly("weights");
    assertThat(DirectoryContents.names(dir.resolve("models"))).containsExactly("sentiment");
  }

  @Test
  void refusesToReplaceUnlessAsked() throws Exception {
    Path model = Files.createDirectories(dir.resolve("model"));
    Files.writeString(model.resolve("marker"), "old");
    Path file = Files.writeString(dir.resolve("train.txt"), "old");

    assertThatThrownBy(() -> AtomicWrite.directory(model, false, d -> {}))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot write " + model + ": " + model + " exists (use --force to replace it)");
    assertThatThrownBy(
            () -> AtomicWrite.files(Map.of(dir.resolve("test.txt"), new byte[1], file, new byte[1]), false))
        .hasMessage("cannot write " + file + ": " + file + " exists (use --force to replace it)");

    assertThat(model.resolve("marker")).hasContent("old");
    assertThat(file).hasContent("old");
    assertThat(DirectoryContents.names(dir)).containsExactly("model", "train.txt");
  }

  @Test
  void writesSeveralFilesAsOne() throws Exception {
    Map<Path, byte[]> files = new LinkedHashMap<>();
    files.put(dir.resolve("train.txt"), "a\n".getBytes(StandardCharsets.UTF_8));
    files.put(dir.resolve("test.txt"), "b\n".getBytes(StandardCharsets.UTF_8));
    Files.writeString(dir.resolve("test.txt"), "old");

    AtomicWrite.files(files, true);

    assertThat(dir.resolve("train.txt")).hasContent("a\n");
    assertThat(dir.resolve("test.txt")).hasContent("b\n");
    assertThat(DirectoryContents.names(dir)).containsExactly("test.txt", "train.txt");
  }

  /** A write of {@code target} that fails or is abandoned. */
  @FunctionalInterface
  interface Write {
    void to(Path target) throws IOException;
  }

  /** Writes of an existing {@code target} (a file with "old", or a directory holding it) that fail. */
  static Stream<Arguments> failingWrites() {
    return Stream.<Arguments>of(
        failing("file", false, target -> AtomicWrite.file(target, out -> {
          out.write("partial".getBytes(StandardCharsets.UTF_8));
          throw new IOException("disk full");
        })),
        failing("streamed file, closed without commit", false, target -> {
          try (AtomicWrite.PendingFile pending = AtomicWrite.open(target)) {
            pending.writer().write("partial");
          }
        }),
        failing("files, the second one failing", false, target -> {
          Map<Path, byte[]> files = new LinkedHashMap<>();
          files.put(target, new byte[1]);
          files.put(target.resolveSibling("not-a-dir/x"), new byte[1]);
          AtomicWrite.files(files, true);
        }),
        failing("directory", true, target -> AtomicWrite.directory(target, true, d -> {
          Files.writeString(d.resolve("partial"), "new");
          throw new IOException("disk full");
        })),
        failing("directory if absent (being absent)", true, target -> AtomicWrite.directoryIfAbsent(
            target.resolveSibling("other"), d -> {
              throw new IOException("disk full");
            })));
  }

  private static Arguments failing(String name, boolean directory, Write write) {
    return Arguments.of(name, directory, write);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failingWrites")
  void aFailedWriteKeepsTheTargetAndLeavesNoTemporary(
      String name, boolean directory, Write write) throws Exception {
    Files.writeString(dir.resolve("not-a-dir"), "a file where a write wants a directory");
    Path target = dir.resolve("target");
    Path old = directory ? Files.createDirectory(target).resolve("marker") : target;
    Files.writeString(old, "old");

    try {
      write.to(target);
    } catch (RuntimeException expected) {
      // the write failed, or was abandoned
    }

    assertThat(old).hasContent("old");
    assertThat(DirectoryContents.names(dir)).containsExactly("not-a-dir", "target");
    if (directory) {
      assertThat(DirectoryContents.names(target)).containsExactly("marker");
    }
  }

  @Test
  void aFailureNamesTheTarget() {
    Path file = dir.resolve("model.safetensors");
    assertThatThrownBy(() -> AtomicWrite.file(file, out -> {
      throw new IOException("disk full");
    }))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot write " + file + ": disk full");
    assertThat(file).doesNotExist();
  }

  @Test
  void refusesASecondWriterOfADirectory() throws Exception {
    Path target = dir.resolve("1");
    AtomicWrite.directory(target, false, d -> {
      assertThatThrownBy(() -> AtomicWrite.directory(target, true, other -> {}))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(target + " is being written by another process (it holds " + dir.resolve(".1.lock")
              + "); wait for it to finish");
      Files.writeString(d.resolve("saved_model.pb"), "first");
    });
    assertThat(target.resolve("saved_model.pb")).hasContent("first");
    assertThat(DirectoryContents.names(dir)).containsExactly("1");
  }

  @Test
  void recoveryPutsASetAsideDirectoryBackAndRemovesTemporaries() throws Exception {
    Files.writeString(Files.createDirectory(dir.resolve(".1.tmp-old-0d5a")).resolve("marker"), "old");
    Files.writeString(Files.createDirectory(dir.resolve(".2.tmp-9c1e")).resolve("partial"), "new");

    List<Path> repaired = AtomicWrite.recover(dir);

    assertThat(repaired).containsExactlyInAnyOrder(dir.resolve(".1.tmp-old-0d5a"), dir.resolve(".2.tmp-9c1e"));
    assertThat(dir.resolve("1/marker")).hasContent("old");
    assertThat(DirectoryContents.names(dir)).containsExactly("1");
  }

  @Test
  void aDirectoryIfAbsentIsWrittenOnceAndKeptAfterwards() throws Exception {
    Path cache = dir.resolve("cache/model-123");
    AtomicWrite.directoryIfAbsent(cache, d -> Files.writeString(d.resolve("config.json"), "first"));
    AtomicWrite.directoryIfAbsent(cache, d -> Files.writeString(d.resolve("config.json"), "second"));

    assertThat(cache.resolve("config.json")).hasContent("first");
    assertThat(DirectoryContents.names(dir.resolve("cache"))).containsExactly("model-123");
  }

  @Test
  void aDirectoryIfAbsentWrittenMeanwhileByAnotherIsKept() throws Exception {
    Path cache = dir.resolve("model-123");
    AtomicWrite.directoryIfAbsent(cache, d -> {
      Files.writeString(Files.createDirectory(cache).resolve("config.json"), "theirs");
      Files.writeString(d.resolve("config.json"), "ours");
    });

    assertThat(cache.resolve("config.json")).hasContent("theirs");
    assertThat(DirectoryContents.names(dir)).containsExactly("model-123");
  }
}

package org.bertfit.models.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.bertfit.models.ProblemType;
import org.bertfit.models.io.ModelDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 in the middle of an export leaves no version behind, and the next export cleans up. */
class ExportKillTest {
  @TempDir Path dir;

  @Test
  void killedExportLeavesNothingUnderTheVersionName() throws Exception {
    ModelDirectory model =
        TinyModels.write(
            dir.resolve("model"),
            TinyModels.config(ProblemType.MULTI_LABEL_CLASSIFICATION, "a", "b"),
            6);
    // After writing saved_model.pb and the variables, the child reads a named pipe that nobody
    // writes: it is held there, mid-export, until it is killed.
    Path hold = dir.resolve("hold");
    assertThat(new ProcessBuilder("mkfifo", hold.toString()).start().waitFor()).isZero();
    Path base = dir.resolve("served");

    Process child =
        ChildJvm.start(
            dir.resolve("export.log"),
            ExportMain.class,
            model.dir().toString(),
            base.toString(),
            hold.toString());
    Path partial;
    ExecutorService opener = Executors.newSingleThreadExecutor();
    // Opening a pipe for writing returns once the reader has opened it: the child is then held.
    Future<OutputStream> writer = opener.submit(() -> Files.newOutputStream(hold));
    try (OutputStream held = awaitHold(writer, child, dir.resolve("export.log"))) {
      partial = temporaryDirectory(base).orElseThrow();
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
      opener.shutdownNow();
    }
    assertThat(child.exitValue()).isEqualTo(137); // 128 + SIGKILL

    assertThat(partial.getFileName().toString()).startsWith(".1.tmp-");
    assertThat(partial.resolve("saved_model.pb")).isNotEmptyFile();
    assertThat(partial.resolve("variables/variables.index")).isNotEmptyFile();
    assertThat(base.resolve("1")).doesNotExist();
    assertThat(ModelVersions.highest(base)).isZero();

    ExportedModel exported = ServingExport.export(model, base, ExportOptions.nextVersion());
    assertThat(exported.version()).isEqualTo(1);
    try (Stream<Path> children = Files.list(base)) {
      assertThat(children)
          .containsExactly(base.resolve("1")); // the killed export's directory is gone
    }
  }

  /** Waits until the child reads the pipe, after writing the graph and the weights. */
  private static OutputStream awaitHold(Future<OutputStream> writer, Process child, Path log)
      throws IOException, InterruptedException {
    try {
      return writer.get(2, TimeUnit.MINUTES);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError(
          "the export did not reach the hold point (child alive: "
              + child.isAlive()
              + "); its output:\n"
              + Files.readString(log),
          e);
    }
  }

  private static Optional<Path> temporaryDirectory(Path base) throws IOException {
    if (!Files.isDirectory(base)) {
      return Optional.empty();
    }
    try (Stream<Path> children = Files.list(base)) {
      return children.filter(p -> p.getFileName().toString().startsWith(".1.tmp-")).findFirst();
    }
  }
}

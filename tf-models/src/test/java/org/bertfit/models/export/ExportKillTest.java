package org.bertfit.models.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
    // The export reads tokenizer.json after writing saved_model.pb and the variables; a named pipe
    // that nobody writes holds the child there, mid-export, until it is killed.
    String tokenizerJson = Files.readString(model.tokenizerJson());
    Files.delete(model.tokenizerJson());
    assertThat(new ProcessBuilder("mkfifo", model.tokenizerJson().toString()).start().waitFor())
        .isZero();
    Path base = dir.resolve("served");

    Process child =
        ChildJvm.start(
            dir.resolve("export.log"), ExportMain.class, model.dir().toString(), base.toString());
    Path partial;
    try {
      partial = awaitPartialExport(base, child, dir.resolve("export.log"));
    } finally {
      child.destroyForcibly();
    }
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).isEqualTo(137); // 128 + SIGKILL

    assertThat(partial.getFileName().toString()).startsWith(".1.tmp-");
    assertThat(partial.resolve("saved_model.pb")).isNotEmptyFile();
    assertThat(partial.resolve("variables/variables.index")).isNotEmptyFile();
    assertThat(base.resolve("1")).doesNotExist();
    assertThat(ModelVersions.highest(base)).isZero();

    Files.delete(model.tokenizerJson());
    Files.writeString(model.tokenizerJson(), tokenizerJson);
    ExportedModel exported = ServingExport.export(model, base, ExportOptions.nextVersion());
    assertThat(exported.version()).isEqualTo(1);
    try (Stream<Path> children = Files.list(base)) {
      assertThat(children)
          .containsExactly(base.resolve("1")); // the killed export's directory is gone
    }
  }

  /** Waits until the child's temporary directory holds everything but the tokenizer. */
  private static Path awaitPartialExport(Path base, Process child, Path log)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (System.nanoTime() < deadline && child.isAlive()) {
      Optional<Path> partial = temporaryDirectory(base);
      if (partial.isPresent() && Files.exists(partial.get().resolve("assets/thresholds.json"))) {
        return partial.get();
      }
      Thread.sleep(20);
    }
    throw new AssertionError(
        "the export did not reach its assets (child alive: "
            + child.isAlive()
            + "); its output:\n"
            + Files.readString(log));
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

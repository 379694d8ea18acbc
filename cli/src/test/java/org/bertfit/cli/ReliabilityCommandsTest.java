package org.bertfit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bertfit.models.io.TinySavedModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad inputs and broken models as a new user meets them: a clear error, never a hang or a loss. */
class ReliabilityCommandsTest {
  private static final List<String> LABELS = List.of("neg", "pos");

  @TempDir static Path dir;
  static Path diverged;
  static Path data;

  @BeforeAll
  static void fixtures() throws IOException {
    diverged = TinySavedModels.divergedModelDirectory(dir.resolve("diverged"),
        TinySavedModels.CONFIG.toBuilder().labels(LABELS).build(), 3);
    data = Files.write(dir.resolve("test.txt"),
        List.of("a good day;pos", "the bad time;neg", "it was good;pos", "no;neg"));
  }

  private static Path file(String name, String... lines) throws IOException {
    return Files.write(dir.resolve(name), List.of(lines));
  }

  private static CliRun run(String... args) {
    return assertTimeoutPreemptively(Duration.ofMinutes(2), () -> CliRun.of(args));
  }

  @ParameterizedTest(name = "evaluate {0}")
  @ValueSource(strings = {"--format=text", "--no-scores"})
  void evaluatingAModelThatOutputsNanNamesItInsteadOfHanging(String option) {
    CliRun run = run("evaluate", "--model", diverged.toString(), "--data", data.toString(), option);
    assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
    assertThat(run.err()).contains("the model outputs NaN for the text of line 1 ('a good day')");
  }

  @Test
  void predictingWithAModelThatOutputsNanWritesNothing() {
    Path out = dir.resolve("nan-predictions.jsonl");
    CliRun run = run("predict", "--model", diverged.toString(), "--input", data.toString(),
        "--out", out.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("the model outputs NaN").contains("weights are not finite");
    assertThat(out).doesNotExist();
  }

  static Stream<Arguments> outputsOverInputs() throws IOException {
    Path truth = file("y_true.txt", "neg", "pos");
    Path predicted = file("y_pred.txt", "pos", "pos");
    Path texts = file("texts.txt", "a good day", "the bad time");
    return Stream.of(
        Arguments.of(List.of("report", "--y-true", truth.toString(), "--y-pred", predicted.toString(),
            "--out", truth.toString()), truth, "--out " + truth + " is the same file as --y-true"),
        Arguments.of(List.of("report", "--y-true", truth.toString(), "--y-pred", predicted.toString(),
            "--out", dir.resolve(".").resolve("y_pred.txt").toString()), predicted,
            "is the same file as --y-pred"),
        Arguments.of(List.of("predict", "--model", diverged.toString(), "--input", texts.toString(),
            "--out", texts.toString()), texts, "--out " + texts + " is the same file as --input"),
        Arguments.of(List.of("evaluate", "--model", diverged.toString(), "--data", data.toString(),
            "--predictions", data.toString()), data, "--predictions " + data
            + " is the same file as --data"),
        Arguments.of(List.of("evaluate", "--model", diverged.toString(), "--data", data.toString(),
            "--out", dir.resolve("r.json").toString(), "--state", dir.resolve("r.json").toString()),
            data, "--state " + dir.resolve("r.json") + " is the same file as --out"));
  }

  @ParameterizedTest
  @MethodSource("outputsOverInputs")
  void anOutputThatIsAnInputIsRefusedAndTheInputKept(List<String> args, Path input, String message)
      throws IOException {
    byte[] before = Files.readAllBytes(input);
    CliRun run = run(args.toArray(String[]::new));
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains(message);
    assertThat(Files.readAllBytes(input)).isEqualTo(before);
  }

  @Test
  void twoRunsOfModelsWithTheSameNameGetTheirOwnRunDirectories() throws IOException {
    Path root = dir.resolve("runs");
    Path first = RunDirectory.claim(null, root, dir.resolve("a/emotion"));
    Files.writeString(first.resolve("training_log.csv"), "step,loss\n");
    Path second = RunDirectory.claim(null, root, dir.resolve("b/emotion"));
    Path third = RunDirectory.claim(null, root, dir.resolve("c/emotion"));
    assertThat(List.of(first, second, third)).containsExactly(
        root.resolve("emotion"), root.resolve("emotion-2"), root.resolve("emotion-3"));
    assertThat(first.resolve("training_log.csv")).hasContent("step,loss");
    assertThat(second).isDirectoryContaining(p -> p.getFileName().toString().equals(RunDirectory.MARKER));
  }

  @Test
  void aRunDirectoryHoldingAnotherRunsFilesIsRefused() throws IOException {
    Path used = Files.createDirectories(dir.resolve("used-run/tensorboard"));
    Files.writeString(used.resolveSibling("training_log.csv"), "step,loss\n");
    assertThatThrownBy(() -> RunDirectory.claim(used.getParent(), dir.resolve("model")))
        .hasMessageContaining("--run-dir " + used.getParent()
            + " holds another run's files (tensorboard, training_log.csv)");
    Path claimed = RunDirectory.claim(dir.resolve("fresh-run"), dir.resolve("model"));
    assertThatThrownBy(() -> RunDirectory.claim(claimed, dir.resolve("model")))
        .hasMessageContaining("holds another run's files (" + RunDirectory.MARKER + ")");
    RunDirectory.releaseIfUnused(claimed);
    assertThat(claimed).doesNotExist();
  }

  @Test
  void trainRefusesARunDirectoryInUse() throws IOException {
    Path used = Files.createDirectories(dir.resolve("busy-run"));
    Files.writeString(used.resolve("training_log.csv"), "step,loss\n");
    CliRun run = run("train", "--train", data.toString(), "--out", dir.resolve("m").toString(),
        "--pretrained", diverged.toString(), "--run-dir", used.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("holds another run's files (training_log.csv)");
    assertThat(used.resolve("training_log.csv")).hasContent("step,loss");
  }
}

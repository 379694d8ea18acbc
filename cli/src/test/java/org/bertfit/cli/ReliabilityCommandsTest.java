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
import org.bertfit.models.testing.TinySavedModels;
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
            data, "--state " + dir.resolve("r.json") + " is the same file as --out"),
        Arguments.of(List.of("train", "--train", data.toString(), "--out", data.toString(),
            "--force", "--pretrained", diverged.toString()), data,
            "--out " + data + " is the same file as --train"));
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
        "--pretrained", diverged.toString(), "--max-length", "16", "--run-dir", used.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("holds another run's files (training_log.csv)");
    assertThat(used.resolve("training_log.csv")).hasContent("step,loss");
  }

  static Stream<Arguments> smallerCases() throws IOException {
    Path truth = file("truth.txt", "joy", "anger");
    Path predicted = file("predicted.txt", "joy", "joy");
    Path empty = file("empty.txt");
    Path emptyPb = Files.createDirectories(dir.resolve("empty-pb"));
    Files.write(emptyPb.resolve("saved_model.pb"), new byte[0]);
    Path twoBytes = Files.createDirectories(dir.resolve("two-byte-pb"));
    Files.write(twoBytes.resolve("saved_model.pb"), new byte[] {0x0a, 0x00});
    Path noWeights = Files.createDirectories(dir.resolve("no-weights"));
    Files.copy(diverged.resolve("config.json"), noWeights.resolve("config.json"));
    Files.copy(diverged.resolve("tokenizer.json"), noWeights.resolve("tokenizer.json"));
    Path threeLabels = TinySavedModels.modelDirectory(dir.resolve("three-labels"),
        TinySavedModels.CONFIG.toBuilder().labels(LABELS).build(), 4);
    Files.writeString(threeLabels.resolve("config.json"),
        TinySavedModels.CONFIG.toBuilder().labels(List.of("a", "b", "c")).build().toJson());
    return Stream.of(
        Arguments.of("inspect of an empty saved_model.pb",
            List.of("inspect", emptyPb.toString()),
            emptyPb.resolve("saved_model.pb") + " is not a valid SavedModel: it holds no meta graph"),
        Arguments.of("inspect of a 2-byte saved_model.pb",
            List.of("inspect", twoBytes.toString()),
            twoBytes.resolve("saved_model.pb") + " is not a valid SavedModel"),
        Arguments.of("report --scores with logits",
            List.of("report", "--y-true", truth.toString(), "--y-pred", predicted.toString(),
                "--scores", file("logits.csv", "joy,anger", "2.5,-1.0", "0.3,0.7").toString()),
            "logits.csv line 2: score of 'joy' is 2.5; scores must be probabilities in [0, 1]"),
        Arguments.of("report --scores with rows not summing to 1",
            List.of("report", "--y-true", truth.toString(), "--y-pred", predicted.toString(),
                "--scores", file("unnormalised.csv", "joy,anger", "0.5,0.5", "0.9,0.6").toString()),
            "unnormalised.csv line 3: the scores sum to 1.5; a single-label row must sum to 1"),
        Arguments.of("report on two empty files",
            List.of("report", "--y-true", empty.toString(), "--y-pred", empty.toString()),
            empty + ": empty file: no examples"),
        Arguments.of("a model directory without variables.index",
            List.of("predict", "--model", noWeights.toString(), "--input", data.toString(),
                "--out", dir.resolve("p.jsonl").toString()),
            noWeights + " has a config.json but no variables/variables.index"),
        Arguments.of("a head shaped for other labels, counted once",
            List.of("predict", "--model", threeLabels.toString(), "--input", data.toString(),
                "--out", dir.resolve("p.jsonl").toString()),
            "the checkpoint lacks 2 of the model's variables (classifier/kernel, classifier/bias)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("smallerCases")
  void smallerCasesGetAnErrorNamingTheFile(String name, List<String> args, String message) {
    CliRun run = run(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
    assertThat(run.err()).contains(message);
  }

  @Test
  void dataStatsCountsRowsWhoseFieldSpansLines() throws IOException {
    Path tsv = file("merged.tsv", "text\tlabel", "fine\tjoy", "\"stray quote\tjoy", "more\tanger",
        "ends here\"\tsadness", "last\tjoy");
    CliRun text = run("data", "stats", "--path", tsv.toString());
    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.out()).contains("rows: 3\nskipped: 0\n")
        .contains("rows with a field over several lines (kept): 1 (line 3)");
    CliRun json = run("data", "stats", "--path", tsv.toString(), "--json");
    assertThat(json.out().replaceAll("\\s", ""))
        .contains("\"total\":0,")
        .contains("\"multiline_field\":{\"count\":1,\"first_lines\":[3]}");
  }

  @Test
  void aConfigWithFewerLayersThanItsCheckpointIsAnErrorUnlessAllowed() throws IOException {
    Path model = TinySavedModels.modelDirectory(dir.resolve("two-layers"),
        TinySavedModels.CONFIG.toBuilder().labels(LABELS).build(), 6);
    assertThat(TinySavedModels.CONFIG.numHiddenLayers()).isEqualTo(2);
    Files.writeString(model.resolve("config.json"),
        TinySavedModels.CONFIG.toBuilder().labels(LABELS).numHiddenLayers(1).build().toJson());
    CliRun refused = run("import", "--from", model.toString(), "--to", dir.resolve("one").toString(),
        "--labels", "neg,pos");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("16 encoder variables of the checkpoint are not used by the"
        + " model (bert/encoder/layer_1/attention/output/LayerNorm/beta, ");
    assertThat(dir.resolve("one")).doesNotExist();
    CliRun allowed = run("import", "--from", model.toString(), "--to", dir.resolve("one").toString(),
        "--labels", "neg,pos", "--allow-unused-weights");
    assertThat(allowed.exitCode()).as(allowed.err()).isZero();
    assertThat(allowed.out()).contains("16 checkpoint variables were not used");
  }
}

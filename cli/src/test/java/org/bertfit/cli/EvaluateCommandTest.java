package org.bertfit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.bertfit.models.testing.TinySavedModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
  private static final List<String> LABELS = List.of("neg", "neu", "pos");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static Path model;
  static Path data;
  static List<String> truth = new ArrayList<>();

  /** 300 labelled texts: 5 windows of 64 at batch size 1, so that 3 shards hold 1, 2 and 2. */
  @BeforeAll
  static void modelAndData() throws Exception {
    model =
        TinySavedModels.modelDirectory(
            dir.resolve("model"), TinySavedModels.CONFIG.toBuilder().labels(LABELS).build(), 5);
    SplittableRandom random = new SplittableRandom(8);
    List<String> lines = new ArrayList<>();
    for (String text : TinySavedModels.texts(300, 2)) {
      truth.add(LABELS.get(random.nextInt(LABELS.size())));
      lines.add(text + ";" + truth.get(truth.size() - 1));
    }
    data = Files.write(dir.resolve("test.txt"), lines);
  }

  private static CliRun evaluate(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "evaluate",
                "--model",
                model.toString(),
                "--data",
                data.toString(),
                "--batch-size",
                "1",
                "--format",
                "json"));
    args.addAll(List.of(more));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run;
  }

  @Test
  void mergedShardsGiveTheUnshardedReportByteForByte() throws Exception {
    Path whole = dir.resolve("whole.jsonl");
    String unsharded = evaluate("--predictions", whole.toString()).out();

    List<String> merge = new ArrayList<>(List.of("report", "--format", "json", "--merge"));
    ByteArrayOutputStream concatenated = new ByteArrayOutputStream();
    for (int i = 0; i < 3; i++) {
      Path state = dir.resolve("shard-" + i + ".json");
      Path predictions = dir.resolve("shard-" + i + ".jsonl");
      CliRun shard =
          evaluate(
              "--shard",
              i + "/3",
              "--state",
              state.toString(),
              "--predictions",
              predictions.toString());
      assertThat(shard.err()).contains("evaluate: " + new int[] {64, 128, 108}[i] + " texts in");
      assertThat(JSON.readTree(shard.out()).get("warnings").get(0).get("code").asText())
          .isEqualTo("partial-shard");
      merge.add(state.toString());
      concatenated.write(Files.readAllBytes(predictions));
    }
    CliRun merged = CliRun.of(merge.toArray(String[]::new));
    assertThat(merged.exitCode()).as(merged.err()).isZero();
    assertThat(merged.out()).isEqualTo(unsharded);
    assertThat(concatenated.toByteArray()).isEqualTo(Files.readAllBytes(whole));
  }

  /** bertfit report on the files of predict's output gives evaluate's report. */
  @Test
  void reportsWhatBertfitReportMakesOfThePredictions() throws Exception {
    Path predictions = dir.resolve("predictions.jsonl");
    JsonNode evaluated = JSON.readTree(evaluate("--predictions", predictions.toString()).out());
    List<String> predicted = new ArrayList<>();
    List<String> scores = new ArrayList<>(List.of(String.join(",", LABELS)));
    for (String line : Files.readAllLines(predictions)) {
      JsonNode p = JSON.readTree(line);
      predicted.add(p.get("label").asText());
      List<String> row = new ArrayList<>();
      LABELS.forEach(label -> row.add(p.get("scores").get(label).asText()));
      scores.add(String.join(",", row));
    }
    CliRun report =
        CliRun.of(
            "report",
            "--format",
            "json",
            "--y-true",
            Files.write(dir.resolve("y_true.txt"), truth).toString(),
            "--y-pred",
            Files.write(dir.resolve("y_pred.txt"), predicted).toString(),
            "--scores",
            Files.write(dir.resolve("scores.csv"), scores).toString());
    assertThat(report.exitCode()).as(report.err()).isZero();
    JsonNode reported = JSON.readTree(report.out());
    // scores went through decimal text: only the figures that sum the probabilities themselves
    // (log loss, calibration) move
    for (String key : List.of("log_loss", "ece", "ece_equal_mass", "mce", "brier")) {
      assertThat(evaluated.get(key).asDouble()).as(key)
          .isCloseTo(reported.get(key).asDouble(), within(1e-7));
      ((ObjectNode) evaluated).remove(key);
      ((ObjectNode) reported).remove(key);
    }
    assertThat(evaluated).isEqualTo(reported);
  }

  @Test
  void unseenLabelsAreAnErrorListingThem() throws Exception {
    Path unseen =
        Files.write(
            dir.resolve("unseen.txt"),
            List.of("a good day;pos", "the bad day;anger", "so bad;anger", "why;joy"));
    CliRun run = CliRun.of("evaluate", "--model", model.toString(), "--data", unseen.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip())
        .isEqualTo(
            "bertfit evaluate: error: "
                + unseen
                + ": 2 labels not seen in training: 'anger' (2 times, first at line 2), 'joy' (1"
                + " time, first at line 4); known: neg, neu, pos");
    CliRun shard =
        CliRun.of(
            "evaluate", "--model", model.toString(), "--data", data.toString(), "--shard", "1/3");
    assertThat(shard.err().strip())
        .isEqualTo(
            "bertfit evaluate: error: --shard needs --state"
                + " FILE: bertfit report --merge combines the states of the shards");
  }
}

package org.bertfit.cli;

import org.bertfit.models.testing.TinySavedModels;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bertfit.datasets.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static Path model;

  @BeforeAll
  static void singleLabelModel() {
    model =
        model("model", Task.SINGLE_LABEL, List.of("neg", "neu", "pos"), 5);
  }

  private static Path model(String name, Task type, List<String> labels, long seed) {
    return TinySavedModels.modelDirectory(
        dir.resolve(name),
        TinySavedModels.CONFIG.toBuilder().problemType(type).labels(labels).build(),
        seed);
  }

  private static CliRun predict(Path model, Path input, Path out, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "predict",
                "--model",
                model.toString(),
                "--input",
                input.toString(),
                "--out",
                out.toString()));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static List<JsonNode> lines(Path file) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      out.add(JSON.readTree(line));
    }
    return out;
  }

  @Test
  void writesOneObjectATextInInputOrder() throws Exception {
    List<String> texts = TinySavedModels.texts(30, 1);
    Path input = Files.write(dir.resolve("texts.txt"), texts);
    Path out = dir.resolve("predictions.jsonl");
    CliRun run = predict(model, input, out, "--batch-size", "4");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).containsPattern("predict: 30 texts in \\S+ s \\(\\S+ texts/s\\); model");

    List<JsonNode> predictions = lines(out);
    assertThat(predictions).extracting(p -> p.get("text").asText()).isEqualTo(texts);
    for (JsonNode p : predictions) {
      assertThat(p.fieldNames()).toIterable().containsExactly("text", "label", "scores");
      JsonNode scores = p.get("scores");
      assertThat(scores.fieldNames()).toIterable().containsExactly("neg", "neu", "pos");
      String best = "neg";
      for (String label : List.of("neu", "pos")) {
        best = scores.get(label).floatValue() > scores.get(best).floatValue() ? label : best;
      }
      assertThat(p.get("label").asText()).isEqualTo(best);
      assertThat(
              scores.get("neg").asDouble()
                  + scores.get("neu").asDouble()
                  + scores.get("pos").asDouble())
          .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
    }
  }

  @Test
  void multiLabelModelsWriteLabelSetsAboveTheirThresholds() throws Exception {
    Path multi =
        model("multi", Task.MULTI_LABEL, List.of("arts", "sales", "tech"), 6);
    Files.writeString(
        multi.resolve("thresholds.json"),
        "{\"labels\": [\"arts\", \"sales\", \"tech\"], \"values\": [0.3, 0.5, 0.7]}");
    Path input =
        Files.writeString(
            dir.resolve("pairs.jsonl"),
            "{\"text\": \"a good day\", \"context\": \"at work\"}\n"
                + "{\"text\": \"the bad time\", \"context\": \"at home\"}\n");
    Path out = dir.resolve("multi.jsonl");
    CliRun run = predict(multi, input, out, "--text-pair-column", "context");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertLabelSetsAbove(out, new double[] {0.3, 0.5, 0.7});

    Path uniform = dir.resolve("multi-0.45.jsonl");
    run = predict(multi, input, uniform, "--text-pair-column", "context", "--threshold", "0.45");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertLabelSetsAbove(uniform, new double[] {0.45, 0.45, 0.45});
  }

  private static void assertLabelSetsAbove(Path out, double[] thresholds) throws Exception {
    for (JsonNode p : lines(out)) {
      assertThat(p.fieldNames())
          .toIterable()
          .containsExactly("text", "text_pair", "labels", "scores");
      List<String> expected = new ArrayList<>();
      List<String> labels = List.of("arts", "sales", "tech");
      for (int c = 0; c < labels.size(); c++) {
        if (p.get("scores").get(labels.get(c)).floatValue() >= thresholds[c]) {
          expected.add(labels.get(c));
        }
      }
      assertThat(p.get("labels")).extracting(JsonNode::asText).isEqualTo(expected);
    }
  }

  @Test
  void aFailedRunLeavesNoOutputAndOneClearLine() throws Exception {
    Path input =
        Files.writeString(dir.resolve("broken.jsonl"), "{\"text\": \"a good day\"}\n{\"text\": \n");
    Path out = dir.resolve("broken-predictions.jsonl");
    CliRun run = predict(model, input, out);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("device: ").contains("\nbertfit predict: error: " + input + " line 2: ");
    assertThat(out).doesNotExist();
    assertThat(dir).isDirectoryNotContaining("glob:**/.broken-predictions.jsonl.tmp-*");

    CliRun conll = predict(model, input, out, "--format", "conll");
    assertThat(conll.err().strip())
        .isEqualTo(
            "bertfit predict: error: --format conll is for token classifiers; "
                + model
                + " classifies texts");

    CliRun threshold = predict(model, input, out, "--threshold", "0.5");
    assertThat(threshold.err().strip())
        .isEqualTo(
            "bertfit predict: error: a threshold is for multi-label models; "
                + model
                + " is single_label_classification");
  }

  @Test
  void thresholdsRefusesASingleLabelModelAndWritesNothing() throws Exception {
    Path data = Files.write(dir.resolve("thresholds-data.txt"), List.of("a good film;pos", "a bad film;neg"));
    CliRun run = CliRun.of("thresholds", "--model", model.toString(), "--data", data.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip())
        .isEqualTo("bertfit thresholds: error: bertfit thresholds is for multi-label models; this one is single-label");
    assertThat(model.resolve("thresholds.json")).doesNotExist();
  }

  @Test
  void bf16PredictionsStayCloseToFp32AndAnUnknownPrecisionIsRefused() throws Exception {
    Path input = Files.write(dir.resolve("precision-texts.txt"), TinySavedModels.texts(12, 3));
    Path fp32 = dir.resolve("fp32.jsonl");
    Path bf16 = dir.resolve("bf16.jsonl");
    assertThat(predict(model, input, fp32).exitCode()).isZero();
    CliRun run = predict(model, input, bf16, "--precision", "bf16");
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<JsonNode> exact = lines(fp32);
    List<JsonNode> mixed = lines(bf16);
    assertThat(mixed).hasSameSizeAs(exact);
    for (int i = 0; i < exact.size(); i++) {
      for (String label : List.of("neg", "neu", "pos")) {
        // bfloat16 keeps 8 bits of mantissa: probabilities move by a few thousandths at most here
        assertThat(mixed.get(i).get("scores").get(label).asDouble())
            .isCloseTo(exact.get(i).get("scores").get(label).asDouble(), org.assertj.core.data.Offset.offset(0.02));
      }
    }

    CliRun fp16 = predict(model, input, dir.resolve("fp16.jsonl"), "--precision", "fp16");
    assertThat(fp16.exitCode()).isEqualTo(2);
    assertThat(fp16.err()).contains("--precision", "fp16", "fp32, bf16");
  }
}

package org.bertfit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bertfit.evaluation.Thresholds;
import org.bertfit.models.io.ModelDirectory;
import org.bertfit.models.testing.TinySavedModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bertfit train} end to end on a tiny pretrained SavedModel and a text;label file. */
class TrainCommandTest {
  @TempDir static Path dir;
  static Path savedModel;

  @BeforeAll
  static void pretrained() {
    savedModel = TinySavedModels.export(dir.resolve("pretrained"), TinySavedModels.CONFIG, 3,
        TinySavedModels.writeVocab(dir.resolve("vocab.txt")), false);
  }

  /** {@link KeywordTexts} in {@code dir/name}; the keyword is the label. */
  private static Path data(String name, int n, long seed) throws IOException {
    return KeywordTexts.write(dir.resolve(name), n, seed, false);
  }

  @Test
  void trainsEvaluatesAndWritesTheModel() throws IOException {
    Path out = dir.resolve("model");
    CliRun run = CliRun.of("train", "--pretrained", savedModel.toString(),
        "--train", data("train.txt", 96, 1).toString(), "--validation", data("val.txt", 48, 2).toString(),
        "--epochs", "2", "--batch-size", "16", "--lr", "1e-3", "--max-length", "16", "--logging-steps", "3",
        "--out", out.toString(), "--run-dir", dir.resolve("run").toString());
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .containsPattern("train: 96 examples \\(0 truncated to 16 tokens, \\d+\\.\\d\\d% of tokens \\[UNK\\]\\),"
            + " 3 labels: bad, good, time")
        .contains("validation: 48 examples")
        .containsPattern("step 3/12 epoch 0.50  loss=\\S+ accuracy=")
        .containsPattern("eval step 6: loss \\S+ accuracy ")
        .contains("wrote " + out)
        .containsPattern("(?s)validation report .*precision +recall +f1-score +support.*macro avg");
    assertThat(ModelDirectory.isModelDirectory(out)).isTrue();
    assertThat(new ModelDirectory(out).config().labels()).containsExactly("bad", "good", "time");
    assertThat(out.resolve("validation_report.json")).content().contains("\"macro avg\"", "\"warnings\"");
    assertThat(dir.resolve("run/training_log.csv")).content().startsWith("step,epoch,kind,");
    try (var events = Files.list(dir.resolve("run/tensorboard"))) {
      assertThat(events.map(p -> p.getFileName().toString())).singleElement().asString().startsWith("events.out.tfevents.");
    }
  }

  /** JSON lines whose label sets are the keywords they contain. */
  private static Path multiLabelData(String name, int n, long seed) throws IOException {
    List<String> keywords = List.of("good", "bad", "time");
    Random random = new Random(seed);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<String> words = new ArrayList<>(List.of("the", "of", "and", "to", "in", "is"));
      List<String> present = new ArrayList<>();
      for (String k : keywords) {
        if (random.nextBoolean()) {
          words.add(random.nextInt(words.size()), k);
          present.add("\"" + k + "\"");
        }
      }
      lines.add("{\"text\": \"" + String.join(" ", words) + "\", \"label\": [" + String.join(", ", present) + "]}");
    }
    return Files.write(dir.resolve(name), lines);
  }

  @Test
  void tunesMultiLabelThresholdsOnTheValidationData() throws IOException {
    Path out = dir.resolve("multi-model");
    CliRun run = trainTuningThresholds("multi", out);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Decision thresholds");
    assertThat(out.resolve("thresholds.json")).content()
        .contains("\"labels\"", "\"bad\"", "\"good\"", "\"time\"", "\"values\"");
    double[] tunedByTrain = Thresholds.load(out.resolve("thresholds.json")).values();

    // bertfit thresholds on the same model and validation data chooses what train chose
    CliRun again = CliRun.of("thresholds", "--model", out.toString(), "--data", dir.resolve("multi-val.jsonl").toString(),
        "--max-length", "16");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(Thresholds.load(out.resolve("thresholds.json")).values()).containsExactly(tunedByTrain, within(1e-6));
    assertThat(again.out()).contains("validation macro F1 on ", "(32 texts): ", " at 0.5 -> ", " tuned; written to ");

    // a floor above the 32 validation texts leaves every label at --threshold
    CliRun floored = CliRun.of("thresholds", "--model", out.toString(), "--data", dir.resolve("multi-val.jsonl").toString(),
        "--max-length", "16", "--min-positives", "33", "--threshold", "0.4");
    assertThat(floored.exitCode()).as(floored.err()).isZero();
    assertThat(floored.out()).contains("thresholds: 3 of 3 labels have fewer than 33 validation positives and keep 0.4:");
    assertThat(Thresholds.load(out.resolve("thresholds.json")).values()).containsExactly(0.4, 0.4, 0.4);
  }

  @Test
  void labelsWithTooFewValidationPositivesKeepTheDefaultThreshold() throws IOException {
    Path out = dir.resolve("multi-floor");
    CliRun run = trainTuningThresholds("floor", out, "--threshold-min-positives", "33");
    assertThat(run.exitCode()).as(run.err()).isZero();
    // 32 validation texts: no label can have 33 positives, so none is tuned
    assertThat(run.out()).contains("thresholds: 3 of 3 labels have fewer than 33 validation positives and keep 0.5:");
    assertThat(Thresholds.load(out.resolve("thresholds.json")).values()).containsExactly(0.5, 0.5, 0.5);
  }

  /** train --multi-label --tune-thresholds on generated data named after {@code name}, with {@code extra} options. */
  private static CliRun trainTuningThresholds(String name, Path out, String... extra) throws IOException {
    List<String> args = new ArrayList<>(List.of("train", "--pretrained", savedModel.toString(),
        "--train", multiLabelData(name + "-train.jsonl", 64, 4).toString(),
        "--validation", multiLabelData(name + "-val.jsonl", 32, 5).toString(),
        "--multi-label", "--epochs", "1", "--batch-size", "16", "--lr", "1e-3", "--max-length", "16", "--tune-thresholds",
        "--out", out.toString(), "--run-dir", dir.resolve(name + "-run").toString()));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void unknownValidationLabelIsAnError() throws IOException {
    Path val = Files.write(dir.resolve("bad-val.txt"), List.of("the good one;good", "it was great;great"));
    CliRun run = CliRun.of("train", "--pretrained", savedModel.toString(),
        "--train", data("train2.txt", 20, 3).toString(), "--validation", val.toString(), "--max-length", "16",
        "--out", dir.resolve("never").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("bertfit train: error: ").contains("great");
  }

  @Test
  void aMaxLengthBeyondThePretrainedPositionsIsRefusedBeforeAnyWork() throws IOException {
    Path out = dir.resolve("too-long");
    Path runDir = dir.resolve("too-long-run");
    CliRun run = CliRun.of("train", "--pretrained", savedModel.toString(),
        "--train", data("long-train.txt", 20, 7).toString(), "--max-length", "65",
        "--out", out.toString(), "--run-dir", runDir.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip())
        .isEqualTo("bertfit train: error: max length (65) must be in [2, 64], the model's max_position_embeddings");
    assertThat(out).doesNotExist();
    assertThat(runDir).doesNotExist();
  }

  /** Seed 003's baseline from the command line: a model directory with the regression as its head. */
  @Test
  void fitsALogisticRegressionHeadOnTheFrozenEncoder() throws IOException {
    Path out = dir.resolve("logistic");
    CliRun run = CliRun.of("train", "--pretrained", savedModel.toString(),
        "--train", data("lr-train.txt", 96, 5).toString(), "--validation", data("lr-val.txt", 48, 6).toString(),
        "--freeze-encoder", "--head", "logistic", "--features", "mean", "--max-length", "16",
        "--out", out.toString(), "--run-dir", dir.resolve("lr-run").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .containsPattern("logistic regression on 96 x 128 mean features: encoder \\S+ min, fit \\S+ s; wrote " + java.util.regex.Pattern.quote(out.toString()))
        .containsPattern("(?s)validation report .*macro avg");
    assertThat(new ModelDirectory(out).config().classifierPooling()).isEqualTo(org.bertfit.models.ClassifierPooling.MEAN);
    assertThat(out.resolve("validation_report.json")).exists();

    CliRun unfrozen = CliRun.of("train", "--pretrained", savedModel.toString(),
        "--train", data("lr-train.txt", 96, 5).toString(), "--head", "logistic", "--max-length", "16",
        "--out", dir.resolve("never2").toString());
    assertThat(unfrozen.exitCode()).isEqualTo(1);
    assertThat(unfrozen.err()).contains("--head logistic fits the head to a frozen encoder: add --freeze-encoder");
  }
}

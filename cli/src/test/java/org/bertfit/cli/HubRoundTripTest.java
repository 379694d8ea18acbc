package org.bertfit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bertfit.datasets.tokenize.BertTokenizer;
import org.bertfit.datasets.tokenize.EncodedBatch;
import org.bertfit.models.bench.HfReference;
import org.bertfit.models.testing.ReferenceFixture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Hub checkpoint made by the independent PyTorch reference goes through {@code import}, {@code
 * train} and {@code export --format huggingface}; the reference then computes, from the exported
 * directory alone, the probabilities that {@code bertfit predict} writes.
 */
@Tag("integration")
class HubRoundTripTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> LABELS = List.of("LABEL_0", "LABEL_1", "LABEL_2");

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"roberta", "distilbert"})
  void fineTunedAndExportedModelsPredictInTheReferenceAsInBertfit(String arch) throws Exception {
    HfReference reference = ReferenceFixture.reference();
    Path hub = dir.resolve("hub");
    reference.make(hub, arch, "sequence", "single_label_classification", LABELS.size());
    Path imported = dir.resolve("imported");
    Path tuned = dir.resolve("tuned");
    Path exported = dir.resolve("exported");
    ok(CliRun.of("import", "--from", hub.toString(), "--to", imported.toString()));
    ok(CliRun.of("train", "--pretrained", imported.toString(), "--train", data(48).toString(),
        "--max-steps", "3", "--batch-size", "16", "--lr", "1e-3", "--max-length", "24",
        "--out", tuned.toString(), "--run-dir", dir.resolve("run").toString()));
    ok(CliRun.of("export", "--model", tuned.toString(), "--format", "huggingface", "--out", exported.toString()));
    assertThat(exported.resolve("model.safetensors")).isRegularFile();
    assertThat(exported.resolve("tokenizer.json")).isRegularFile();

    List<String> texts = texts(7, 11);
    Path input = Files.write(dir.resolve("texts.txt"), texts);
    Path predictions = dir.resolve("predictions.jsonl");
    ok(CliRun.of("predict", "--model", tuned.toString(), "--input", input.toString(), "--out", predictions.toString()));
    List<String> lines = Files.readAllLines(predictions);

    try (BertTokenizer tokenizer = BertTokenizer.fromTokenizerJson(exported.resolve("tokenizer.json"), 24)) {
      EncodedBatch batch = EncodedBatch.padToLongest(tokenizer.encodeAll(texts), tokenizer.padId());
      float[] logits = reference.forward(exported, batch).logits();
      double maxDiff = 0;
      for (int row = 0; row < texts.size(); row++) {
        JsonNode scores = JSON.readTree(lines.get(row)).get("scores");
        double[] softmax = softmax(logits, row * LABELS.size(), LABELS.size());
        for (int k = 0; k < LABELS.size(); k++) {
          maxDiff = Math.max(maxDiff, Math.abs(softmax[k] - scores.get(LABELS.get(k)).asDouble()));
        }
      }
      assertThat(maxDiff).isLessThanOrEqualTo(1e-4);
    }
  }

  private static void ok(CliRun run) {
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
  }

  private Path data(int n) throws Exception {
    List<String> texts = texts(n, 5);
    Random random = new Random(9);
    List<String> lines = new ArrayList<>();
    for (String text : texts) {
      lines.add(text + ";" + LABELS.get(random.nextInt(LABELS.size())));
    }
    return Files.write(dir.resolve("train.txt"), lines);
  }

  /** Texts of 2 to 13 of the reference vocabulary's words ({@code w5} .. {@code w999}). */
  private static List<String> texts(int n, long seed) {
    Random random = new Random(seed);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<String> words = new ArrayList<>();
      for (int w = 2 + random.nextInt(12); w > 0; w--) {
        words.add("w" + (5 + random.nextInt(HfReference.VOCAB - 5)));
      }
      out.add(String.join(" ", words));
    }
    return out;
  }

  private static double[] softmax(float[] logits, int from, int n) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, logits[from + i]);
    }
    double[] out = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      out[i] = Math.exp(logits[from + i] - max);
      sum += out[i];
    }
    for (int i = 0; i < n; i++) {
      out[i] /= sum;
    }
    return out;
  }
}

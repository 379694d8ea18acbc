package org.bertfit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bertfit.datasets.Task;
import org.bertfit.datasets.tokenize.BertTokenizer;
import org.bertfit.datasets.tokenize.EncodedBatch;
import org.bertfit.models.graph.InferenceModel;
import org.bertfit.models.io.ModelDirectory;
import org.bertfit.models.testing.TinySavedModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code bertfit embed} against the encoder's own outputs, computed here: the pooled output, the
 * first row of the sequence output, or the mean of its real-token rows (texts padded together).
 */
class EmbedCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static Path model;
  static List<String> texts;
  static Path input;

  @BeforeAll
  static void modelAndTexts() throws Exception {
    // a token classifier: embed reads any model's encoder
    model = TinySavedModels.modelDirectory(dir.resolve("model"),
        TinySavedModels.CONFIG.toBuilder().problemType(Task.TOKEN_CLASSIFICATION).build(), 11);
    texts = TinySavedModels.texts(25, 4);
    input = Files.write(dir.resolve("texts.txt"), texts);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cls", "mean", "pooler"})
  void embeddingsAreTheEncodersOutputsInInputOrder(String pooling) throws Exception {
    Path out = dir.resolve(pooling + ".jsonl");
    CliRun run = CliRun.of("embed", "--model", model.toString(), "--input", input.toString(),
        "--out", out.toString(), "--pooling", pooling, "--batch-size", "4");
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(texts.size());

    int width = TinySavedModels.CONFIG.hiddenSize();
    ModelDirectory dirModel = new ModelDirectory(model);
    try (BertTokenizer tokenizer = BertTokenizer.fromTokenizerJson(dirModel.tokenizerJson(), 128);
        InferenceModel encoder = InferenceModel.create(dirModel.config())) {
      encoder.load(dirModel.checkpoint(), 0);
      EncodedBatch batch = EncodedBatch.padToLongest(tokenizer.encodeAll(texts), tokenizer.padId());
      InferenceModel.Outputs o = encoder.run(batch);
      for (int i = 0; i < texts.size(); i++) {
        JsonNode line = JSON.readTree(lines.get(i));
        assertThat(line.fieldNames()).toIterable().containsExactly("embedding");
        JsonNode embedding = line.get("embedding");
        assertThat(embedding.size()).isEqualTo(width);
        for (int h = 0; h < width; h++) {
          assertThat(embedding.get(h).asDouble()).as("text %d value %d", i, h)
              .isCloseTo(expected(pooling, o, batch.length(i), i, h), within(1e-4));
        }
      }
    }
  }

  private static double expected(String pooling, InferenceModel.Outputs o, int tokens, int i, int h) {
    int width = TinySavedModels.CONFIG.hiddenSize();
    int row = i * o.seqLength();
    return switch (pooling) {
      case "pooler" -> o.pooled()[i * width + h];
      case "cls" -> o.sequence()[row * width + h];
      default -> {
        double sum = 0;
        for (int t = 0; t < tokens; t++) {
          sum += o.sequence()[(row + t) * width + h];
        }
        yield sum / tokens;
      }
    };
  }

  @Test
  void anUnknownPoolingIsAnError() {
    CliRun run = CliRun.of("embed", "--model", model.toString(), "--input", input.toString(),
        "--out", dir.resolve("x.jsonl").toString(), "--pooling", "max");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("classifier_pooling 'max' is not supported; supported: pooler, cls, mean");
    assertThat(dir.resolve("x.jsonl")).doesNotExist();
  }
}

package org.bertfit.models.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bertfit.datasets.Task;
import org.bertfit.datasets.tokenize.BertTokenizer;
import org.bertfit.datasets.tokenize.EncodedBatch;
import org.bertfit.datasets.tokenize.TokenizedText;
import org.bertfit.evaluation.Thresholds;
import org.bertfit.models.BertConfig;
import org.bertfit.models.ModelType;
import org.bertfit.models.export.PlainServingClient.Request;
import org.bertfit.models.export.PlainServingClient.Response;
import org.bertfit.models.graph.InferenceModel;
import org.bertfit.models.io.ModelDirectory;
import org.bertfit.models.testing.ChildJvm;
import org.bertfit.models.testing.TinyModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when": an export loaded in a fresh JVM by plain TensorFlow Java, fed with ids
 * from DJL's tokenizer on the exported tokenizer.json, gives the probabilities bertfit's own graph
 * gives on the same texts, for batches of 1, 7 and 64 texts, unpadded and padded; its {@code
 * classify} labels are the argmax or the thresholded scores.
 */
class ServingParityTest {
  private static final int MAX_LENGTH =
      TinyModels.config(Task.SINGLE_LABEL, "a").maxPositionEmbeddings();
  private static final double TOLERANCE = 1e-5;

  @TempDir Path dir;

  /** One request: a model, a batch size and how the batch is padded. */
  private record Case(
      Task type, ModelDirectory model, Path export, int size, String padding) {}

  @Test
  void freshJvmServingMatchesBertfit() throws Exception {
    Thresholds thresholds =
        new Thresholds(
            List.of("anger", "fear", "joy", "sadness"), new double[] {0.3, 0.5, 0.55, 0.45});
    List<Case> cases = new ArrayList<>();
    for (Task type : Task.values()) {
      BertConfig config = TinyModels.config(type, "anger", "fear", "joy", "sadness");
      ModelDirectory model = TinyModels.write(dir.resolve(BertConfig.problemTypeName(type)), config, 11);
      if (type == Task.MULTI_LABEL) {
        Files.writeString(model.dir().resolve(ServingExport.THRESHOLDS), thresholds.toJson());
      }
      Path export =
          ServingExport.export(
                  model,
                  dir.resolve("served").resolve(BertConfig.problemTypeName(type)),
                  ExportOptions.nextVersion())
              .dir();
      cases.add(new Case(type, model, export, 1, "none"));
      cases.add(new Case(type, model, export, 7, "longest"));
      cases.add(new Case(type, model, export, 64, "max_length"));
    }
    // RoBERTa's positions and head, DistilBERT's embeddings and heads, served the same way.
    for (ModelType modelType : List.of(ModelType.ROBERTA, ModelType.DISTILBERT)) {
      for (Task type : List.of(Task.MULTI_LABEL, Task.TOKEN_CLASSIFICATION)) {
        String name = modelType.jsonName() + "-" + BertConfig.problemTypeName(type);
        BertConfig config =
            TinyModels.config(type, "anger", "fear", "joy", "sadness").toBuilder().modelType(modelType).build();
        ModelDirectory model = TinyModels.write(dir.resolve(name), config, 12);
        if (type == Task.MULTI_LABEL) {
          Files.writeString(model.dir().resolve(ServingExport.THRESHOLDS), thresholds.toJson());
        }
        Path export =
            ServingExport.export(model, dir.resolve("served").resolve(name), ExportOptions.nextVersion()).dir();
        cases.add(new Case(type, model, export, 7, "longest"));
      }
    }
    try (BertTokenizer tokenizer =
        BertTokenizer.fromTokenizerJson(cases.get(0).model().tokenizerJson(), MAX_LENGTH)) {
      List<TokenizedText> tokens = tokenizer.encodeAll(TinyModels.texts(64, 64));
      assertThat(tokens).anyMatch(TokenizedText::truncated).anyMatch(t -> t.length() < 8);
    }
    List<Request> requests = new ArrayList<>();
    for (Case c : cases) {
      requests.add(
          new Request(
              c.export().toString(),
              TinyModels.texts(c.size(), c.size()),
              c.padding(),
              MAX_LENGTH));
    }
    ObjectMapper json = new ObjectMapper();
    json.writeValue(dir.resolve("requests.json").toFile(), requests);
    ChildJvm.run(
        dir.resolve("client.log"),
        Duration.ofMinutes(3),
        PlainServingClient.class,
        dir.resolve("requests.json").toString(),
        dir.resolve("responses.json").toString());
    Response[] responses = json.readValue(dir.resolve("responses.json").toFile(), Response[].class);

    assertThat(responses).hasSameSizeAs(cases);
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      Response served = responses[i];
      InferenceModel.Outputs ours = bertfit(c.model(), requests.get(i).texts(), c.padding());
      String what = c.model().dir().getFileName() + ", batch " + c.size() + ", padding " + c.padding();
      long[] expectedShape =
          c.type() == Task.TOKEN_CLASSIFICATION
              ? new long[] {c.size(), ours.seqLength(), 4}
              : new long[] {c.size(), 4};
      assertThat(served.shape()).as(what).containsExactly(expectedShape);
      double diff = maxAbsDiff(served.probabilities(), ours.probabilities());
      System.out.printf(
          "serving parity: %-27s seq %2d  max abs diff of probabilities %.2e (logits %.2e)%n",
          what, ours.seqLength(), diff, maxAbsDiff(served.logits(), ours.logits()));
      assertThat(diff).as(what).isLessThanOrEqualTo(TOLERANCE);
      // classify runs a subgraph of its own: a sigmoid may differ in the last bit
      assertThat(maxAbsDiff(served.scores(), served.probabilities()))
          .as(what)
          .isLessThanOrEqualTo(1e-6);
      assertThat(served.labels())
          .as(what)
          .containsExactly(labels(c.type(), served.scores(), thresholds));
    }
  }

  /** bertfit's own tokenizer and graph on the texts, padded as the request was. */
  private static InferenceModel.Outputs bertfit(
      ModelDirectory model, List<String> texts, String padding) {
    try (BertTokenizer tokenizer =
            BertTokenizer.fromTokenizerJson(model.tokenizerJson(), MAX_LENGTH);
        InferenceModel graph = InferenceModel.create(model.config())) {
      graph.load(model.checkpoint(), 0);
      List<TokenizedText> tokens = tokenizer.encodeAll(texts);
      EncodedBatch batch =
          padding.equals("max_length")
              ? EncodedBatch.pad(tokens, MAX_LENGTH, tokenizer.padId())
              : EncodedBatch.padToLongest(tokens, tokenizer.padId());
      return graph.run(batch);
    }
  }

  /** The labels computed in Java: argmax of each row, or each probability against its threshold. */
  private static int[] labels(Task type, float[] probabilities, Thresholds thresholds) {
    int width = thresholds.labels().size();
    int rows = probabilities.length / width;
    if (type == Task.MULTI_LABEL) {
      int[] out = new int[probabilities.length];
      for (int r = 0; r < rows; r++) {
        double[] row = new double[width];
        for (int k = 0; k < width; k++) {
          row[k] = probabilities[r * width + k];
        }
        System.arraycopy(thresholds.apply(row), 0, out, r * width, width);
      }
      return out;
    }
    int[] out = new int[rows];
    for (int r = 0; r < rows; r++) {
      for (int k = 1; k < width; k++) {
        if (probabilities[r * width + k] > probabilities[r * width + out[r]]) {
          out[r] = k;
        }
      }
    }
    return out;
  }

  private static double maxAbsDiff(float[] a, float[] b) {
    assertThat(a).hasSameSizeAs(b);
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs(a[i] - b[i]));
    }
    return max;
  }
}

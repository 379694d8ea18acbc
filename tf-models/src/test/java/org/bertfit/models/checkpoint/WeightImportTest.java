package org.bertfit.models.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bertfit.datasets.tokenize.EncodedBatch;
import org.bertfit.models.BertConfig;
import org.bertfit.models.graph.InferenceModel;
import org.bertfit.models.graph.TinyBert;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing the same weights stored under each naming scheme gives the same model. */
class WeightImportTest {
  private static final EncodedBatch BATCH = TinyBert.batch(21, 10, 10, 4, 7);
  private static BertConfig config;
  private static Map<String, CheckpointFixtures.Tensor> weights;
  private static float[] expectedLogits;

  @BeforeAll
  static void original() {
    config = TinyBert.config();
    try (InferenceModel model = InferenceModel.create(config).initialize(99)) {
      weights = CheckpointFixtures.values(model);
      expectedLogits = model.run(BATCH).logits();
    }
  }

  private static ImportReport importAndCheck(Path prefix) {
    try (InferenceModel model = InferenceModel.create(config)) {
      ImportReport report = model.load(Checkpoint.open(prefix), 1);
      assertThat(model.run(BATCH).logits()).containsExactly(expectedLogits);
      return report;
    }
  }

  /** Google/TF-Hub: under "module/", head as transposed output_weights, pre-training head unused. */
  @Test
  void googleBertNames(@TempDir Path dir) {
    Map<String, CheckpointFixtures.Tensor> stored = new LinkedHashMap<>();
    weights.forEach((name, t) -> {
      switch (name) {
        case "classifier/kernel" -> stored.put("output_weights", CheckpointFixtures.transposed(t));
        case "classifier/bias" -> stored.put("output_bias", t);
        default -> stored.put("module/" + name, t);
      }
    });
    stored.put("module/cls/predictions/output_bias", new CheckpointFixtures.Tensor(new float[TinyBert.VOCAB], new long[] {TinyBert.VOCAB}));
    CheckpointFixtures.write(dir.resolve("ckpt"), stored, null);

    ImportReport report = importAndCheck(dir.resolve("ckpt"));
    assertThat(report.naming()).isEqualTo(CheckpointNaming.GOOGLE_BERT);
    assertThat(report.prefix()).isEqualTo("module/");
    assertThat(report.loaded()).hasSize(weights.size());
    assertThat(report.newlyInitialized()).isEmpty();
    assertThat(report.unused()).extracting(CheckpointVariable::name)
        .containsExactly("module/cls/predictions/output_bias");
  }

  static String huggingFaceName(String name) {
    String hf =
        name.replaceAll("layer_(\\d+)", "layer_._$1")
            .replace("word_embeddings", "word_embeddings/weight")
            .replace("position_embeddings", "position_embeddings/embeddings")
            .replace("token_type_embeddings", "token_type_embeddings/embeddings");
    return "tf_bert_for_sequence_classification/" + hf + ":0";
  }

  /** Hugging Face TF names as plain checkpoint keys. */
  @Test
  void huggingFaceNames(@TempDir Path dir) {
    CheckpointFixtures.write(
        dir.resolve("ckpt"), CheckpointFixtures.renamed(weights, WeightImportTest::huggingFaceName), null);
    ImportReport report = importAndCheck(dir.resolve("ckpt"));
    assertThat(report.naming()).isEqualTo(CheckpointNaming.HUGGING_FACE_TF);
    assertThat(report.loaded()).hasSize(weights.size());
    assertThat(report.unused()).isEmpty();
  }

  /** A Keras (TF2) object-based checkpoint: attribute-path keys, names in the object graph. */
  @Test
  void huggingFaceObjectBasedCheckpoint(@TempDir Path dir) {
    Map<String, String> keyToName = new LinkedHashMap<>();
    Map<String, CheckpointFixtures.Tensor> stored = new LinkedHashMap<>();
    weights.forEach((name, t) -> {
      String key = "model/" + name.replaceAll("layer_(\\d+)", "layer/$1") + "/.ATTRIBUTES/VARIABLE_VALUE";
      stored.put(key, t);
      keyToName.put(key, huggingFaceName(name).replaceFirst(":0$", ""));
    });
    stored.put("optimizer/iter/.ATTRIBUTES/VARIABLE_VALUE", new CheckpointFixtures.Tensor(new float[] {3}, new long[0]));
    CheckpointFixtures.write(dir.resolve("ckpt"), stored, CheckpointFixtures.objectGraph(keyToName));

    ImportReport report = importAndCheck(dir.resolve("ckpt"));
    assertThat(report.naming()).isEqualTo(CheckpointNaming.HUGGING_FACE_TF);
    assertThat(report.loaded()).hasSize(weights.size());
    assertThat(report.unused()).extracting(CheckpointVariable::key)
        .containsExactly("optimizer/iter/.ATTRIBUTES/VARIABLE_VALUE");
  }

  /** bertfit's own checkpoints (as a model directory writes them). */
  @Test
  void bertfitNames(@TempDir Path dir) {
    CheckpointFixtures.write(dir.resolve("ckpt"), weights, null);
    ImportReport report = importAndCheck(dir.resolve("ckpt"));
    assertThat(report.naming()).isEqualTo(CheckpointNaming.BERTFIT);
    assertThat(report.prefix()).isEmpty();
  }

  @Test
  void encoderShapeMismatchIsAnErrorNamingBothShapes(@TempDir Path dir) {
    CheckpointFixtures.write(dir.resolve("ckpt"), weights, null);
    BertConfig wider = config.toBuilder().intermediateSize(96).build();
    try (InferenceModel model = InferenceModel.create(wider)) {
      assertThatThrownBy(() -> model.load(Checkpoint.open(dir.resolve("ckpt")), 1))
          .isInstanceOf(CheckpointException.class)
          .hasMessage(dir.resolve("ckpt") + ": bert/encoder/layer_0/intermediate/dense/kernel: the model"
              + " expects shape [64, 96] but checkpoint variable bert/encoder/layer_0/intermediate/dense/kernel"
              + " has shape [64, 128]");
    }
  }

  @Test
  void missingEncoderVariableIsAnError(@TempDir Path dir) {
    CheckpointFixtures.write(dir.resolve("ckpt"), weights, null);
    BertConfig deeper = config.toBuilder().numHiddenLayers(3).build();
    try (InferenceModel model = InferenceModel.create(deeper)) {
      assertThatThrownBy(() -> model.load(Checkpoint.open(dir.resolve("ckpt")), 1))
          .isInstanceOf(CheckpointException.class)
          .hasMessage(dir.resolve("ckpt") + ": no checkpoint variable for"
              + " bert/encoder/layer_2/attention/self/query/kernel (expected shape [64, 64]);"
              + " is the config right for this checkpoint?");
    }
  }

  @Test
  void headForOtherLabelsIsInitialisedAnew(@TempDir Path dir) {
    CheckpointFixtures.write(dir.resolve("ckpt"), weights, null);
    BertConfig sixLabels = config.toBuilder().numLabels(6).build();
    try (InferenceModel model = InferenceModel.create(sixLabels)) {
      ImportReport report = model.load(Checkpoint.open(dir.resolve("ckpt")), 1);
      assertThat(report.newlyInitialized()).containsExactly("classifier/kernel", "classifier/bias");
      assertThat(report.mismatchedHead()).containsExactly(
          "classifier/kernel: the model expects shape [64, 6] but checkpoint variable classifier/kernel has shape [64, 3]",
          "classifier/bias: the model expects shape [6] but checkpoint variable classifier/bias has shape [3]");
      assertThat(report.summary()).contains("2 model variables were newly initialised");
      assertThat(model.run(BATCH).logits()).hasSize(3 * 6);
    }
  }
}

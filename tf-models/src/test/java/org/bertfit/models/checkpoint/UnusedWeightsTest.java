package org.bertfit.models.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bertfit.models.BertConfig;
import org.bertfit.models.graph.InferenceModel;
import org.bertfit.models.graph.TinyBert;
import org.bertfit.models.graph.UnusedWeights;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A config with fewer layers than its checkpoint once loaded silently (accuracy 0.33 instead of
 * 0.42 on BERT-base with 11 of 12 layers): every encoder variable left unused is now an error.
 */
class UnusedWeightsTest {
  private static final BertConfig ONE_LAYER = TinyBert.config().toBuilder().numHiddenLayers(1).build();
  private static Map<String, CheckpointFixtures.Tensor> twoLayers;

  @BeforeAll
  static void checkpoint() {
    assertThat(TinyBert.config().numHiddenLayers()).isEqualTo(2);
    try (InferenceModel model = InferenceModel.create(TinyBert.config()).initialize(99)) {
      twoLayers = CheckpointFixtures.values(model);
    }
  }

  private static Path write(Path dir, Function<String, String> rename,
      Map<String, CheckpointFixtures.Tensor> extra) {
    Map<String, CheckpointFixtures.Tensor> stored =
        new LinkedHashMap<>(CheckpointFixtures.renamed(twoLayers, rename));
    stored.putAll(extra);
    CheckpointFixtures.write(dir.resolve("ckpt"), stored, null);
    return dir.resolve("ckpt");
  }

  @ParameterizedTest(name = "names under ''{0}''")
  @ValueSource(strings = {"", "module/"})
  void encoderVariablesTheConfigLeavesUnusedAreAnErrorNamingThem(String prefix, @TempDir Path dir) {
    Path ckpt = write(dir, name -> name.startsWith("bert/") ? prefix + name : name, Map.of());
    List<String> layerOne = twoLayers.keySet().stream()
        .filter(n -> n.startsWith("bert/encoder/layer_1/")).map(n -> prefix + n).sorted().toList();
    assertThat(layerOne).hasSize(16);
    try (InferenceModel model = InferenceModel.create(ONE_LAYER)) {
      assertThatThrownBy(() -> model.load(Checkpoint.open(ckpt), 1))
          .isInstanceOf(CheckpointException.class)
          .hasMessageStartingWith(ckpt + ": 16 encoder variables of the checkpoint are not used by"
              + " the model (" + String.join(", ", layerOne) + ")")
          .hasMessageContaining("--allow-unused-weights");
    }
  }

  @Test
  void theUserMayAllowThem(@TempDir Path dir) {
    Path ckpt = write(dir, Function.identity(), Map.of());
    try (InferenceModel model = InferenceModel.create(ONE_LAYER)) {
      ImportReport report = model.load(Checkpoint.open(ckpt), 1, true);
      assertThat(report.newlyInitialized()).isEmpty();
      assertThat(UnusedWeights.encoderVariables(report)).hasSize(16);
    }
  }

  @Test
  void preTrainingHeadsOptimizerSlotsAndCountersStayAReportLine(@TempDir Path dir) {
    CheckpointFixtures.Tensor vocab =
        new CheckpointFixtures.Tensor(new float[TinyBert.VOCAB], new long[] {TinyBert.VOCAB});
    Map<String, CheckpointFixtures.Tensor> extra = new LinkedHashMap<>();
    extra.put("module/cls/predictions/output_bias", vocab);
    extra.put("module/cls/seq_relationship/output_bias", new CheckpointFixtures.Tensor(new float[2], new long[] {2}));
    extra.put("module/bert/embeddings/word_embeddings/adam_m", twoLayers.get("bert/embeddings/word_embeddings"));
    extra.put("global_step", new CheckpointFixtures.Tensor(new float[] {3}, new long[0]));
    Path ckpt = write(dir, name -> name.startsWith("bert/") ? "module/" + name : name, extra);
    try (InferenceModel model = InferenceModel.create(TinyBert.config())) {
      ImportReport report = model.load(Checkpoint.open(ckpt), 1);
      assertThat(report.unused()).extracting(CheckpointVariable::name)
          .containsExactlyInAnyOrderElementsOf(extra.keySet());
      assertThat(UnusedWeights.encoderVariables(report)).isEmpty();
    }
  }
}

package org.bertfit.models.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bertfit.models.BertConfig;
import org.bertfit.models.HiddenActivation;
import org.bertfit.models.safetensors.FloatTensor;
import org.bertfit.models.safetensors.SafetensorsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ONNX graphs exported by PyTorch to Hugging Face state dicts: the reference is the exporting
 * module's own state dict ({@code make_tiny_bert_onnx.py}), and for MiniLM the shapes Hugging Face
 * publishes for all-MiniLM-L6-v2.
 */
class OnnxBertConverterTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // fixture,             layers, heads, act,      eps
    "tiny-bert-gelu,        2,      4,     GELU,     1e-12",
    "tiny-bert-gelu-new,    3,      2,     GELU_NEW, 1e-5",
  })
  void givesTheExportingModulesStateDictAndConfig(
      String fixture, int layers, int heads, HiddenActivation act, double eps) {
    OnnxModel model = OnnxModel.read(OnnxFixtures.tiny(fixture + ".onnx"));
    OnnxBertConverter.Converted converted = OnnxBertConverter.convert(model, BertConfig.builder().build());

    SafetensorsFile expected = SafetensorsFile.open(OnnxFixtures.tiny(fixture + ".safetensors"));
    assertThat(converted.weights().keySet()).containsExactlyInAnyOrderElementsOf(expected.tensors().keySet());
    for (String name : expected.tensors().keySet()) {
      assertThat(converted.weights().get(name)).as(name).isEqualTo(expected.read(name));
    }
    assertThat(converted.unused()).containsExactly("embeddings.position_ids");
    BertConfig config = converted.config();
    assertThat(config.numHiddenLayers()).isEqualTo(layers);
    assertThat(config.numAttentionHeads()).isEqualTo(heads);
    assertThat(config.hiddenAct()).isEqualTo(act);
    assertThat(config.layerNormEps()).isEqualTo(eps);
    assertThat(List.of(config.vocabSize(), config.hiddenSize(), config.intermediateSize(),
            config.maxPositionEmbeddings(), config.typeVocabSize()))
        .containsExactly(40, 16, 32, 24, 2);
  }

  @Test
  void keepsTheHeadSettingsOfTheBase() {
    OnnxModel model = OnnxModel.read(OnnxFixtures.tiny("tiny-bert-gelu.onnx"));
    BertConfig base = BertConfig.builder().labels(List.of("neg", "pos", "neutral")).build();
    assertThat(OnnxBertConverter.convert(model, base).config().labels()).containsExactly("neg", "pos", "neutral");
  }

  @Test
  void namesMiniLmsAnonymousKernelsByTheirMatMulNodes() {
    OnnxModel model = OnnxFixtures.miniLm();
    assertThat(model.opset()).isEqualTo(11);
    assertThat(model.producer()).isEqualTo("pytorch 2.0.1");
    assertThat(model.outputs()).containsExactly("last_hidden_state");
    OnnxBertConverter.Converted converted = OnnxBertConverter.convert(model, BertConfig.builder().build());
    BertConfig c = converted.config();
    // sentence-transformers/all-MiniLM-L6-v2's config.json on the Hub.
    assertThat(List.of(c.numHiddenLayers(), c.hiddenSize(), c.numAttentionHeads(), c.intermediateSize(),
            c.vocabSize(), c.maxPositionEmbeddings(), c.typeVocabSize()))
        .containsExactly(6, 384, 12, 1536, 30522, 512, 2);
    assertThat(c.hiddenAct()).isEqualTo(HiddenActivation.GELU);
    assertThat(c.layerNormEps()).isEqualTo(1e-12);
    assertThat(converted.weights()).hasSize(5 + 6 * 16);
    assertThat(converted.unused()).containsExactly("embeddings.position_ids");

    OnnxTensor kernel = model.initializers().get("onnx::MatMul_798");
    assertThat(kernel.dims()).containsExactly(384, 1536);
    FloatTensor weight = converted.weights().get("encoder.layer.0.intermediate.dense.weight");
    assertThat(weight.shape()).containsExactly(1536, 384);
    float[] in = kernel.floats();
    for (int[] rc : new int[][] {{0, 0}, {1, 2}, {383, 1535}, {200, 17}}) {
      assertThat(weight.values()[rc[1] * 384 + rc[0]]).isEqualTo(in[rc[0] * 1536 + rc[1]]);
    }
  }

  @Test
  void aMatMulThatIsNotALinearLayerIsAnErrorNamingNodeAndInitializer() {
    OnnxModel model = OnnxModel.read(OnnxFixtures.tiny("tiny-bert-gelu.onnx"));
    List<OnnxNode> nodes = new ArrayList<>();
    for (OnnxNode n : model.nodes()) {
      boolean query = n.name().equals("/encoder/layer.0/attention/self/query/MatMul");
      nodes.add(query ? new OnnxNode("/custom/Fused", n.opType(), n.inputs(), n.outputs(), n.tensorAttributes()) : n);
    }
    OnnxModel renamed = withNodes(model, nodes);
    assertThatThrownBy(() -> OnnxBertConverter.convert(renamed, BertConfig.builder().build()))
        .isInstanceOf(OnnxException.class)
        .hasMessageContaining("tiny-bert-gelu.onnx")
        .hasMessageContaining("MatMul node '/custom/Fused'")
        .hasMessageMatching("(?s).*initializer onnx::MatMul_\\d+ \\[16, 16\\].*");
  }

  @Test
  void aGraphWithoutWordEmbeddingsIsNotBert() {
    OnnxModel model = OnnxModel.read(OnnxFixtures.tiny("tiny-bert-gelu.onnx"));
    var initializers = new java.util.LinkedHashMap<>(model.initializers());
    initializers.remove("embeddings.word_embeddings.weight");
    OnnxModel broken =
        new OnnxModel(model.name(), model.opset(), model.producer(), model.nodes(), initializers,
            model.inputs(), model.outputs());
    assertThatThrownBy(() -> OnnxBertConverter.convert(broken, BertConfig.builder().build()))
        .isInstanceOf(OnnxException.class)
        .hasMessageContaining("no initializer embeddings.word_embeddings.weight: not a BERT graph");
  }

  @Test
  void anIntermediateWithoutAKnownActivationIsAnError() {
    OnnxModel model = OnnxModel.read(OnnxFixtures.tiny("tiny-bert-gelu.onnx"));
    List<OnnxNode> nodes =
        model.nodes().stream()
            .map(n -> n.opType().equals("Erf")
                ? new OnnxNode(n.name(), "Sigmoid", n.inputs(), n.outputs(), Map.of()) : n)
            .toList();
    assertThatThrownBy(() -> OnnxBertConverter.convert(withNodes(model, nodes), BertConfig.builder().build()))
        .isInstanceOf(OnnxException.class)
        .hasMessageContaining("none of Erf (gelu), Tanh (gelu_new), Relu")
        .hasMessageContaining("Sigmoid");
  }

  private static OnnxModel withNodes(OnnxModel model, List<OnnxNode> nodes) {
    return new OnnxModel(
        model.name(), model.opset(), model.producer(), nodes, model.initializers(), model.inputs(), model.outputs());
  }
}

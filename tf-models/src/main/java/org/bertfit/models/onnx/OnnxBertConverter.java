package org.bertfit.models.onnx;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bertfit.models.BertConfig;
import org.bertfit.models.HiddenActivation;
import org.bertfit.models.safetensors.FloatTensor;
import org.bertfit.models.safetensors.SafetensorsCheckpoint;
import org.bertfit.models.safetensors.SafetensorsWriter;

/**
 * Turns a BERT graph exported from PyTorch to ONNX into a Hugging Face state dict (PyTorch names,
 * {@code [out, in]} Linear weights) and the {@code config.json} it implies.
 *
 * <p>Initializers that carry PyTorch names ({@code encoder.layer.0.attention.self.query.bias}) keep
 * them. The exporter folds each Linear weight into an anonymous {@code [in, out]} initializer
 * ({@code onnx::MatMul_787}); it is named after the MatMul node that reads it ({@code
 * /encoder/layer.0/attention/self/query/MatMul} gives {@code encoder.layer.0.attention.self.query.weight})
 * and transposed. The configuration comes from the shapes (vocabulary, hidden, intermediate, layers,
 * positions, token types) and the graph: heads from the attention's reshape, {@code layer_norm_eps}
 * from the embeddings' LayerNorm, the activation from the first layer's intermediate ops.
 */
public final class OnnxBertConverter {
  private static final Pattern LAYER = Pattern.compile("(?:^|.*\\.)encoder\\.layer\\.(\\d+)\\..*");
  private static final String WORDS = "embeddings.word_embeddings.weight";
  private static final String POSITIONS = "embeddings.position_embeddings.weight";
  private static final String TYPES = "embeddings.token_type_embeddings.weight";
  private static final String INTERMEDIATE = "encoder.layer.0.intermediate.dense.weight";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OnnxModel model;

  private OnnxBertConverter(OnnxModel model) {
    this.model = model;
  }

  /**
   * Converts {@code model}.
   *
   * @param base labels, problem type and dropout rates for the configuration; the encoder's shape
   *     comes from the graph
   * @throws OnnxException naming the node or initializer when the graph does not fit BERT
   */
  public static Converted convert(OnnxModel model, BertConfig base) {
    OnnxBertConverter converter = new OnnxBertConverter(model);
    Map<String, FloatTensor> weights = new LinkedHashMap<>();
    List<String> unused = new ArrayList<>();
    for (OnnxTensor t : model.initializers().values()) {
      Optional<String> name = converter.weightName(t);
      if (name.isEmpty()) {
        unused.add(t.name());
        continue;
      }
      FloatTensor value = new FloatTensor(t.dims(), t.floats());
      if (weights.put(name.get(), name.get().equals(t.name()) ? value : value.transpose()) != null) {
        throw new OnnxException(
            model.name() + ": two initializers map to " + name.get() + " (the second is " + t.name() + ")");
      }
    }
    return new Converted(converter.config(weights, base), weights, unused);
  }

  /**
   * The state-dict name of an initializer, if it is a float weight: its own name, or for an
   * anonymous Linear weight (to be transposed) its MatMul node's module path.
   */
  private Optional<String> weightName(OnnxTensor t) {
    if (t.dataType() != OnnxTensor.FLOAT || t.dims().length == 0) {
      return Optional.empty();
    }
    if (!t.name().startsWith("onnx::")) {
      return Optional.of(t.name());
    }
    List<OnnxNode> matMuls = model.consumers(t.name()).stream().filter(n -> n.opType().equals("MatMul")).toList();
    if (matMuls.isEmpty()) {
      return Optional.empty();
    }
    OnnxNode node = matMuls.get(0);
    if (matMuls.size() > 1 || t.dims().length != 2 || !node.name().endsWith("/MatMul")
        || node.inputs().indexOf(t.name()) != 1) {
      throw new OnnxException(
          model.name() + ": initializer " + t.name() + " " + t.shapeString() + " read by MatMul node '"
              + node.name() + "' is not a Linear weight of a BERT layer (expected a node named"
              + " /<module path>/MatMul reading one [in, out] matrix as its second input)");
    }
    String module = node.name().substring(1, node.name().length() - "/MatMul".length()).replace('/', '.');
    return Optional.of(module + ".weight");
  }

  private BertConfig config(Map<String, FloatTensor> weights, BertConfig base) {
    long[] words = require(weights, WORDS);
    int hidden = (int) words[1];
    int layers = 0;
    for (String name : weights.keySet()) {
      Matcher m = LAYER.matcher(name);
      if (m.matches()) {
        layers = Math.max(layers, Integer.parseInt(m.group(1)) + 1);
      }
    }
    return base.toBuilder()
        .vocabSize((int) words[0])
        .hiddenSize(hidden)
        .numHiddenLayers(layers)
        .numAttentionHeads(heads(hidden))
        .intermediateSize((int) require(weights, INTERMEDIATE)[0])
        .maxPositionEmbeddings((int) require(weights, POSITIONS)[0])
        .typeVocabSize((int) require(weights, TYPES)[0])
        .layerNormEps(layerNormEps())
        .hiddenAct(activation())
        .build();
  }

  private long[] require(Map<String, FloatTensor> weights, String suffix) {
    return weights.entrySet().stream()
        .filter(e -> e.getKey().equals(suffix) || e.getKey().endsWith("." + suffix))
        .findFirst()
        .orElseThrow(
            () -> new OnnxException(
                model.name() + ": no initializer " + suffix + ": not a BERT graph exported from PyTorch;"
                    + " float initializers: " + weights.keySet()))
        .getValue()
        .shape();
  }

  /**
   * The heads from the first attention's reshape to {@code [batch, seq, heads, head_size]}: the last
   * two known sizes of its target shape, which multiply to the hidden size.
   */
  private int heads(int hidden) {
    OnnxNode reshape = firstNode("layer.0/attention/self/Reshape", "Reshape");
    List<Double> sizes = new ArrayList<>();
    String shape = reshape.inputs().get(1);
    Optional<OnnxTensor> constant = constant(shape);
    if (constant.isPresent()) {
      for (double v : constant.get().numbers()) {
        sizes.add(v);
      }
    } else {
      OnnxNode concat = producer(shape);
      for (String input : concat.inputs()) {
        constant(input).ifPresent(t -> {
          for (double v : t.numbers()) {
            sizes.add(v);
          }
        });
      }
    }
    int n = sizes.size();
    if (n < 2 || sizes.get(n - 2) * sizes.get(n - 1) != hidden) {
      throw new OnnxException(
          model.name() + ": node '" + reshape.name() + "' does not reshape to [batch, seq, heads,"
              + " head_size] with heads x head_size = hidden size " + hidden + "; known sizes: " + sizes);
    }
    return (int) (double) sizes.get(n - 2);
  }

  /** The epsilon added to the variance in the embeddings' LayerNorm (float32 in the graph). */
  private double layerNormEps() {
    OnnxNode add = firstNode("embeddings/LayerNorm/Add", "Add");
    for (String input : add.inputs()) {
      Optional<OnnxTensor> c = constant(input);
      if (c.isPresent() && c.get().size() == 1) {
        return Double.parseDouble(Float.toString((float) c.get().numbers()[0]));
      }
    }
    throw new OnnxException(
        model.name() + ": node '" + add.name() + "' adds no constant epsilon: not a LayerNorm as PyTorch exports it");
  }

  private HiddenActivation activation() {
    List<String> ops =
        model.nodes().stream()
            .filter(n -> n.name().contains("layer.0/intermediate/"))
            .map(OnnxNode::opType)
            .toList();
    if (ops.contains("Erf")) {
      return HiddenActivation.GELU;
    }
    if (ops.contains("Tanh")) {
      return HiddenActivation.GELU_NEW;
    }
    if (ops.contains("Relu")) {
      return HiddenActivation.RELU;
    }
    throw new OnnxException(
        model.name() + ": the first layer's intermediate nodes (…/layer.0/intermediate/…) have none of"
            + " Erf (gelu), Tanh (gelu_new), Relu; ops: " + ops);
  }

  private OnnxNode firstNode(String nameContains, String opType) {
    return model.nodes().stream()
        .filter(n -> n.opType().equals(opType) && n.name().contains(nameContains))
        .findFirst()
        .orElseThrow(
            () -> new OnnxException(
                model.name() + ": no " + opType + " node named …" + nameContains + "…: not a BERT graph"
                    + " exported from PyTorch"));
  }

  private OnnxNode producer(String tensor) {
    return model.nodes().stream()
        .filter(n -> n.outputs().contains(tensor))
        .findFirst()
        .orElseThrow(() -> new OnnxException(model.name() + ": no node computes " + tensor));
  }

  /** The value of an initializer or of a {@code Constant} node's output. */
  private Optional<OnnxTensor> constant(String tensor) {
    OnnxTensor init = model.initializers().get(tensor);
    if (init != null) {
      return Optional.of(init);
    }
    return model.nodes().stream()
        .filter(n -> n.opType().equals("Constant") && n.outputs().contains(tensor))
        .findFirst()
        .map(n -> n.tensorAttributes().get("value"));
  }

  /**
   * The converted model.
   *
   * @param config the configuration the graph implies, with the head of the {@code base} given
   * @param weights the state dict: PyTorch names to float tensors, {@code [out, in]} Linear weights
   * @param unused initializers that are not weights (such as {@code embeddings.position_ids})
   */
  public record Converted(BertConfig config, Map<String, FloatTensor> weights, List<String> unused) {
    /**
     * Writes {@code config.json} (a bare encoder: {@code BertModel}) and {@code model.safetensors}
     * into {@code dir}, as a Hugging Face directory holds them.
     */
    public void writeTo(Path dir) {
      ObjectNode json;
      try {
        json = (ObjectNode) JSON.readTree(config.toJson());
        json.putArray("architectures").add("BertModel");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + dir.resolve("config.json") + ": " + e.getMessage(), e);
      }
      SafetensorsWriter.write(dir.resolve(SafetensorsCheckpoint.FILE_NAME), weights);
    }
  }
}

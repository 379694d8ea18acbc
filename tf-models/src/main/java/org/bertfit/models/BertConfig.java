package org.bertfit.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.bertfit.datasets.Task;

/**
 * The shape and hyper-parameters of a BERT classifier, read from and written to the fields of a
 * Hugging Face {@code config.json}. Immutable and validated: build one with {@link #builder()} or a
 * preset ({@link #base()}, {@link #tiny()}).
 *
 * @param problemType what the head predicts, config.json's {@code problem_type} ({@link
 *     #problemTypeName(Task)})
 * @param labels label names by id (id2label); their count is {@code num_labels}
 * @param classifierDropout dropout before the classifier; {@code null} means hidden_dropout_prob
 * @param modelType the encoder family (bert, roberta, xlm-roberta, distilbert)
 * @param padTokenId the padding token's id (RoBERTa's positions start after it)
 * @param classifierPooling what a text classifier's head reads (token classifiers read every position)
 * @param temperatures calibration temperatures dividing the logits before softmax/sigmoid: none (1),
 *     one for single-label, one per label for multi-label ({@code temperature} / {@code temperatures})
 */
public record BertConfig(
    int vocabSize,
    int hiddenSize,
    int numHiddenLayers,
    int numAttentionHeads,
    int intermediateSize,
    HiddenActivation hiddenAct,
    double hiddenDropoutProb,
    double attentionProbsDropoutProb,
    int maxPositionEmbeddings,
    int typeVocabSize,
    double layerNormEps,
    double initializerRange,
    Task problemType,
    Double classifierDropout,
    List<String> labels,
    ModelType modelType,
    int padTokenId,
    ClassifierPooling classifierPooling,
    List<Double> temperatures) {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public BertConfig {
    positive("vocab_size", vocabSize);
    positive("hidden_size", hiddenSize);
    positive("num_hidden_layers", numHiddenLayers);
    positive("num_attention_heads", numAttentionHeads);
    positive("intermediate_size", intermediateSize);
    positive("max_position_embeddings", maxPositionEmbeddings);
    positive("type_vocab_size", typeVocabSize);
    if (hiddenSize % numAttentionHeads != 0) {
      throw new IllegalArgumentException(
          "num_attention_heads (" + numAttentionHeads + ") must divide hidden_size (" + hiddenSize
              + ")");
    }
    probability("hidden_dropout_prob", hiddenDropoutProb);
    probability("attention_probs_dropout_prob", attentionProbsDropoutProb);
    if (classifierDropout != null) {
      probability("classifier_dropout", classifierDropout);
    }
    if (!(layerNormEps > 0)) {
      throw new IllegalArgumentException("layer_norm_eps must be > 0, got " + layerNormEps);
    }
    if (!(initializerRange > 0)) {
      throw new IllegalArgumentException("initializer_range must be > 0, got " + initializerRange);
    }
    if (hiddenAct == null || problemType == null || labels == null || modelType == null
        || classifierPooling == null) {
      throw new IllegalArgumentException(
          "hidden_act, problem_type, labels, model_type and classifier_pooling are required");
    }
    if (problemType == Task.TOKEN_CLASSIFICATION && classifierPooling != ClassifierPooling.POOLER) {
      throw new IllegalArgumentException(
          "classifier_pooling (" + classifierPooling.jsonName()
              + ") is for text classification; a token classifier reads every position");
    }
    if (padTokenId < 0 || padTokenId >= vocabSize) {
      throw new IllegalArgumentException(
          "pad_token_id must be in [0, vocab_size " + vocabSize + "), got " + padTokenId);
    }
    if (labels.isEmpty()) {
      throw new IllegalArgumentException("num_labels must be at least 1, got 0");
    }
    Set<String> seen = new HashSet<>();
    for (String label : labels) {
      if (label == null || label.isEmpty() || !seen.add(label)) {
        throw new IllegalArgumentException(
            "id2label must hold distinct non-empty names; '" + label + "' is not");
      }
    }
    labels = List.copyOf(labels);
    temperatures = checkTemperatures(temperatures == null ? List.of() : List.copyOf(temperatures), problemType, labels.size());
  }

  private static List<Double> checkTemperatures(List<Double> temperatures, Task problemType, int numLabels) {
    int expected =
        switch (problemType) {
          case SINGLE_LABEL -> 1;
          case MULTI_LABEL -> numLabels;
          default -> 0;
        };
    if (!temperatures.isEmpty() && temperatures.size() != expected) {
      throw new IllegalArgumentException(
          "temperatures must hold " + expected + " value(s) for " + problemTypeName(problemType) + ", got "
              + temperatures.size());
    }
    for (double t : temperatures) {
      if (!(t > 0) || Double.isInfinite(t)) {
        throw new IllegalArgumentException("temperature must be finite and > 0, got " + t);
      }
    }
    return temperatures;
  }

  private static void positive(String field, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(field + " must be positive, got " + value);
    }
  }

  private static void probability(String field, double value) {
    if (!(value >= 0 && value < 1)) {
      throw new IllegalArgumentException(field + " must be in [0, 1), got " + value);
    }
  }

  /** Number of labels the head predicts. */
  public int numLabels() {
    return labels.size();
  }

  /** Size of one attention head. */
  public int headSize() {
    return hiddenSize / numAttentionHeads;
  }

  /** The dropout rate before the classifier. */
  public double effectiveClassifierDropout() {
    return classifierDropout == null ? hiddenDropoutProb : classifierDropout;
  }

  /** The label id of {@code name}, or -1. */
  public int labelId(String name) {
    return labels.indexOf(name);
  }

  /** Google's BERT-base (12 layers, hidden 768, 12 heads, uncased vocabulary of 30,522), 2 labels. */
  public static BertConfig base() {
    return builder().build();
  }

  /** A 2-layer, 64-wide BERT for fast tests (BERT vocabulary, 128 positions), 2 labels. */
  public static BertConfig tiny() {
    return builder()
        .hiddenSize(64)
        .numHiddenLayers(2)
        .numAttentionHeads(4)
        .intermediateSize(128)
        .maxPositionEmbeddings(128)
        .build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Reads a Hugging Face {@code config.json}; errors name the file and the field. */
  public static BertConfig read(Path configJson) {
    try {
      return fromJson(Files.readString(configJson), configJson.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + configJson + ": " + e.getMessage(), e);
    }
  }

  /** Parses {@code config.json} text; {@code source} names it in errors. */
  public static BertConfig fromJson(String json, String source) {
    try {
      JsonNode root = JSON.readTree(json);
      if (root == null || !root.isObject()) {
        throw new IllegalArgumentException("not a JSON object");
      }
      return fromTree(root);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  private static BertConfig fromTree(JsonNode root) {
    ModelType type = ModelType.fromJsonName(text(root, "model_type", ModelType.BERT.jsonName()));
    Builder b = type == ModelType.DISTILBERT ? distilBertShape(root) : bertShape(root);
    b.modelType(type);
    b.padTokenId(integer(root, "pad_token_id", 0));
    b.maxPositionEmbeddings(integer(root, "max_position_embeddings", b.maxPositionEmbeddings));
    b.vocabSize(integer(root, "vocab_size", b.vocabSize));
    b.initializerRange(number(root, "initializer_range", b.initializerRange));
    if (root.hasNonNull("problem_type")) {
      b.problemType(parseProblemType(root.get("problem_type").asText()));
    } else if (text(root.path("architectures"), 0).endsWith("ForTokenClassification")) {
      b.problemType(Task.TOKEN_CLASSIFICATION);
    }
    b.labels(readLabels(root));
    b.classifierPooling(
        ClassifierPooling.fromJsonName(text(root, "classifier_pooling", b.classifierPooling.jsonName())));
    b.temperatures(readTemperatures(root));
    return b.build();
  }

  /** DistilBERT's own field names; its LayerNorm epsilon is fixed at 1e-12, it has no token types. */
  private static Builder distilBertShape(JsonNode root) {
    if (root.path("sinusoidal_pos_embds").asBoolean(false)) {
      throw new IllegalArgumentException("sinusoidal_pos_embds true is not supported; supported: false");
    }
    Builder b = builder().typeVocabSize(1).layerNormEps(1e-12);
    b.hiddenSize(integer(root, "dim", b.hiddenSize));
    b.numHiddenLayers(integer(root, "n_layers", b.numHiddenLayers));
    b.numAttentionHeads(integer(root, "n_heads", b.numAttentionHeads));
    b.intermediateSize(integer(root, "hidden_dim", b.intermediateSize));
    b.hiddenAct(HiddenActivation.fromJsonName(text(root, "activation", b.hiddenAct.jsonName())));
    b.hiddenDropoutProb(number(root, "dropout", b.hiddenDropoutProb));
    b.attentionProbsDropoutProb(number(root, "attention_dropout", b.attentionProbsDropoutProb));
    if (root.hasNonNull("seq_classif_dropout")) {
      b.classifierDropout(number(root, "seq_classif_dropout", 0));
    }
    return b;
  }

  private static Builder bertShape(JsonNode root) {
    String positions = text(root, "position_embedding_type", "absolute");
    if (!positions.equals("absolute")) {
      throw new IllegalArgumentException(
          "position_embedding_type '" + positions + "' is not supported; supported: absolute");
    }
    Builder b = builder();
    b.hiddenSize(integer(root, "hidden_size", b.hiddenSize));
    b.numHiddenLayers(integer(root, "num_hidden_layers", b.numHiddenLayers));
    b.numAttentionHeads(integer(root, "num_attention_heads", b.numAttentionHeads));
    b.intermediateSize(integer(root, "intermediate_size", b.intermediateSize));
    b.hiddenAct(HiddenActivation.fromJsonName(text(root, "hidden_act", b.hiddenAct.jsonName())));
    b.hiddenDropoutProb(number(root, "hidden_dropout_prob", b.hiddenDropoutProb));
    b.attentionProbsDropoutProb(
        number(root, "attention_probs_dropout_prob", b.attentionProbsDropoutProb));
    b.typeVocabSize(integer(root, "type_vocab_size", b.typeVocabSize));
    b.layerNormEps(number(root, "layer_norm_eps", b.layerNormEps));
    if (root.hasNonNull("classifier_dropout")) {
      b.classifierDropout(number(root, "classifier_dropout", 0));
    }
    return b;
  }

  private static List<String> readLabels(JsonNode root) {
    JsonNode id2label = root.get("id2label");
    if (id2label == null || id2label.isNull()) {
      int n = integer(root, "num_labels", 2);
      return Builder.defaultLabels(n);
    }
    if (!id2label.isObject()) {
      throw new IllegalArgumentException("id2label must be an object of id -> name");
    }
    TreeMap<Integer, String> byId = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = id2label.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      try {
        byId.put(Integer.parseInt(e.getKey()), e.getValue().asText());
      } catch (NumberFormatException ex) {
        throw new IllegalArgumentException("id2label key '" + e.getKey() + "' is not an integer id");
      }
    }
    List<String> labels = new ArrayList<>(byId.values());
    if (!byId.isEmpty() && (byId.firstKey() != 0 || byId.lastKey() != byId.size() - 1)) {
      throw new IllegalArgumentException("id2label ids must be 0.." + (byId.size() - 1) + ", got " + byId.keySet());
    }
    if (root.hasNonNull("num_labels") && root.get("num_labels").asInt() != labels.size()) {
      throw new IllegalArgumentException(
          "num_labels (" + root.get("num_labels").asInt() + ") differs from the size of id2label ("
              + labels.size() + ")");
    }
    JsonNode label2id = root.get("label2id");
    if (label2id != null && label2id.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = label2id.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        int id = labels.indexOf(e.getKey());
        if (id != e.getValue().asInt()) {
          throw new IllegalArgumentException(
              "label2id maps '" + e.getKey() + "' to " + e.getValue().asInt()
                  + ", but id2label gives " + (id < 0 ? "no such label" : "id " + id));
        }
      }
    }
    return labels;
  }

  private static List<Double> readTemperatures(JsonNode root) {
    if (root.hasNonNull("temperature")) {
      return List.of(number(root, "temperature", 1));
    }
    JsonNode array = root.get("temperatures");
    if (array == null || array.isNull()) {
      return List.of();
    }
    if (!array.isArray()) {
      throw new IllegalArgumentException("temperatures must be an array of numbers, got " + array);
    }
    List<Double> out = new ArrayList<>();
    for (JsonNode t : array) {
      if (!t.isNumber()) {
        throw new IllegalArgumentException("temperatures must be an array of numbers, got " + array);
      }
      out.add(t.asDouble());
    }
    return out;
  }

  private static int integer(JsonNode root, String field, int fallback) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.canConvertToInt() || !node.isIntegralNumber()) {
      throw new IllegalArgumentException(field + " must be an integer, got " + node);
    }
    return node.asInt();
  }

  private static double number(JsonNode root, String field, double fallback) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isNumber()) {
      throw new IllegalArgumentException(field + " must be a number, got " + node);
    }
    return node.asDouble();
  }

  private static String text(JsonNode root, String field, String fallback) {
    JsonNode node = root.get(field);
    return node == null || node.isNull() ? fallback : node.asText();
  }

  private static String text(JsonNode array, int index) {
    return array.isArray() && array.size() > index ? array.get(index).asText() : "";
  }

  /**
   * Checks that texts of {@code maxLength} tokens (special tokens included) fit this model's
   * positions, for every command that tokenizes for it.
   *
   * @throws IllegalArgumentException naming the length and {@code max_position_embeddings}
   */
  public void requireMaxLength(int maxLength) {
    if (maxLength < 2 || maxLength > maxPositionEmbeddings) {
      throw new IllegalArgumentException(
          "max length (" + maxLength + ") must be in [2, " + maxPositionEmbeddings
              + "], the model's max_position_embeddings");
    }
  }

  /** Hugging Face's {@code problem_type} name of {@code task}: {@code single_label_classification}, ... */
  public static String problemTypeName(Task task) {
    return switch (task) {
      case SINGLE_LABEL -> "single_label_classification";
      case MULTI_LABEL -> "multi_label_classification";
      case TOKEN_CLASSIFICATION -> "token_classification";
    };
  }

  /** The task a {@code problem_type} names, as {@link #problemTypeName(Task)} writes it. */
  public static Task parseProblemType(String name) {
    for (Task t : Task.values()) {
      if (problemTypeName(t).equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "problem_type '" + name + "' is not supported; supported: "
            + Arrays.stream(Task.values()).map(BertConfig::problemTypeName).collect(Collectors.joining(", ")));
  }

  /** transformers' class for this model and head ({@code RobertaForTokenClassification}). */
  public String architecture() {
    return modelType.className()
        + (problemType == Task.TOKEN_CLASSIFICATION ? "ForTokenClassification" : "ForSequenceClassification");
  }

  /**
   * This configuration as Hugging Face {@code config.json} text, with the field names of its
   * {@code model_type}. Token classification has no {@code problem_type} in transformers (which
   * rejects unknown ones): the architecture says it.
   */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.putArray("architectures").add(architecture());
    root.put("model_type", modelType.jsonName());
    root.put("vocab_size", vocabSize);
    root.put("pad_token_id", padTokenId);
    if (modelType == ModelType.DISTILBERT) {
      putDistilBertShape(root);
    } else {
      putBertShape(root);
    }
    root.put("initializer_range", initializerRange);
    if (problemType != Task.TOKEN_CLASSIFICATION) {
      root.put("problem_type", problemTypeName(problemType));
    }
    root.put("classifier_pooling", classifierPooling.jsonName());
    root.put("num_labels", labels.size());
    ObjectNode id2label = root.putObject("id2label");
    ObjectNode label2id = root.putObject("label2id");
    for (int i = 0; i < labels.size(); i++) {
      id2label.put(Integer.toString(i), labels.get(i));
      label2id.put(labels.get(i), i);
    }
    if (problemType == Task.SINGLE_LABEL && !temperatures.isEmpty()) {
      root.put("temperature", temperatures.get(0));
    } else if (!temperatures.isEmpty()) {
      temperatures.forEach(root.putArray("temperatures")::add);
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void putDistilBertShape(ObjectNode root) {
    root.put("dim", hiddenSize);
    root.put("n_layers", numHiddenLayers);
    root.put("n_heads", numAttentionHeads);
    root.put("hidden_dim", intermediateSize);
    root.put("activation", hiddenAct.jsonName());
    root.put("dropout", hiddenDropoutProb);
    root.put("attention_dropout", attentionProbsDropoutProb);
    root.put("seq_classif_dropout", effectiveClassifierDropout());
    root.put("max_position_embeddings", maxPositionEmbeddings);
    root.put("sinusoidal_pos_embds", false);
  }

  private void putBertShape(ObjectNode root) {
    root.put("hidden_size", hiddenSize);
    root.put("num_hidden_layers", numHiddenLayers);
    root.put("num_attention_heads", numAttentionHeads);
    root.put("intermediate_size", intermediateSize);
    root.put("hidden_act", hiddenAct.jsonName());
    root.put("hidden_dropout_prob", hiddenDropoutProb);
    root.put("attention_probs_dropout_prob", attentionProbsDropoutProb);
    root.put("max_position_embeddings", maxPositionEmbeddings);
    root.put("type_vocab_size", typeVocabSize);
    root.put("layer_norm_eps", layerNormEps);
    root.put("position_embedding_type", "absolute");
    if (classifierDropout == null) {
      root.putNull("classifier_dropout");
    } else {
      root.put("classifier_dropout", classifierDropout);
    }
  }

  /** Builds a {@link BertConfig}; defaults are BERT-base's with two labels. */
  public static final class Builder {
    private int vocabSize = 30522;
    private int hiddenSize = 768;
    private int numHiddenLayers = 12;
    private int numAttentionHeads = 12;
    private int intermediateSize = 3072;
    private HiddenActivation hiddenAct = HiddenActivation.GELU;
    private double hiddenDropoutProb = 0.1;
    private double attentionProbsDropoutProb = 0.1;
    private int maxPositionEmbeddings = 512;
    private int typeVocabSize = 2;
    private double layerNormEps = 1e-12;
    private double initializerRange = 0.02;
    private Task problemType = Task.SINGLE_LABEL;
    private Double classifierDropout;
    private List<String> labels = defaultLabels(2);
    private ModelType modelType = ModelType.BERT;
    private int padTokenId;
    private ClassifierPooling classifierPooling = ClassifierPooling.POOLER;
    private List<Double> temperatures = List.of();

    private Builder() {}

    private Builder(BertConfig c) {
      vocabSize = c.vocabSize;
      hiddenSize = c.hiddenSize;
      numHiddenLayers = c.numHiddenLayers;
      numAttentionHeads = c.numAttentionHeads;
      intermediateSize = c.intermediateSize;
      hiddenAct = c.hiddenAct;
      hiddenDropoutProb = c.hiddenDropoutProb;
      attentionProbsDropoutProb = c.attentionProbsDropoutProb;
      maxPositionEmbeddings = c.maxPositionEmbeddings;
      typeVocabSize = c.typeVocabSize;
      layerNormEps = c.layerNormEps;
      initializerRange = c.initializerRange;
      problemType = c.problemType;
      classifierDropout = c.classifierDropout;
      labels = c.labels;
      modelType = c.modelType;
      padTokenId = c.padTokenId;
      classifierPooling = c.classifierPooling;
      temperatures = c.temperatures;
    }

    static List<String> defaultLabels(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("num_labels must be at least 1, got " + n);
      }
      List<String> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add("LABEL_" + i);
      }
      return out;
    }

    public Builder vocabSize(int v) {
      vocabSize = v;
      return this;
    }

    public Builder hiddenSize(int v) {
      hiddenSize = v;
      return this;
    }

    public Builder numHiddenLayers(int v) {
      numHiddenLayers = v;
      return this;
    }

    public Builder numAttentionHeads(int v) {
      numAttentionHeads = v;
      return this;
    }

    public Builder intermediateSize(int v) {
      intermediateSize = v;
      return this;
    }

    public Builder hiddenAct(HiddenActivation v) {
      hiddenAct = v;
      return this;
    }

    public Builder hiddenDropoutProb(double v) {
      hiddenDropoutProb = v;
      return this;
    }

    public Builder attentionProbsDropoutProb(double v) {
      attentionProbsDropoutProb = v;
      return this;
    }

    public Builder maxPositionEmbeddings(int v) {
      maxPositionEmbeddings = v;
      return this;
    }

    public Builder typeVocabSize(int v) {
      typeVocabSize = v;
      return this;
    }

    public Builder layerNormEps(double v) {
      layerNormEps = v;
      return this;
    }

    public Builder initializerRange(double v) {
      initializerRange = v;
      return this;
    }

    public Builder problemType(Task v) {
      problemType = v;
      return this;
    }

    public Builder classifierDropout(Double v) {
      classifierDropout = v;
      return this;
    }

    /** Label names by id. */
    public Builder labels(List<String> v) {
      labels = v;
      return this;
    }

    /** What a text classifier's head reads: the pooler (default), the [CLS] state or the token mean. */
    public Builder classifierPooling(ClassifierPooling v) {
      classifierPooling = v;
      return this;
    }

    /** {@code n} labels named {@code LABEL_0 .. LABEL_n-1}, as Hugging Face names them. */
    public Builder numLabels(int n) {
      labels = defaultLabels(n);
      return this;
    }

    public Builder modelType(ModelType v) {
      modelType = v;
      return this;
    }

    public Builder padTokenId(int v) {
      padTokenId = v;
      return this;
    }

    /** Calibration temperatures: empty for none, one (single-label) or one per label (multi-label). */
    public Builder temperatures(List<Double> v) {
      temperatures = v;
      return this;
    }

    public BertConfig build() {
      return new BertConfig(
          vocabSize, hiddenSize, numHiddenLayers, numAttentionHeads, intermediateSize, hiddenAct,
          hiddenDropoutProb, attentionProbsDropoutProb, maxPositionEmbeddings, typeVocabSize,
          layerNormEps, initializerRange, problemType, classifierDropout, labels, modelType,
          padTokenId, classifierPooling, temperatures);
    }
  }
}

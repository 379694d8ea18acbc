package org.bertfit.models;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The encoder family, named as Hugging Face's {@code model_type}. All share BERT's post-norm
 * transformer layer; they differ in their embeddings, pooler and sequence-classification head.
 */
public enum ModelType {
  /** BERT: token types, absolute positions from 0, a pooler (dense + tanh on [CLS]) under the head. */
  BERT("bert", "Bert"),
  /**
   * RoBERTa: positions count real tokens from {@code pad_token_id + 1}, one token type, no pooler;
   * the head is dense + tanh + out_proj on {@code <s>}.
   */
  ROBERTA("roberta", "Roberta"),
  /** XLM-RoBERTa: RoBERTa's graph with a multilingual vocabulary. */
  XLM_ROBERTA("xlm-roberta", "XLMRoberta"),
  /** DistilBERT: no token types, no pooler; the head is pre_classifier + ReLU + classifier on [CLS]. */
  DISTILBERT("distilbert", "DistilBert");

  private final String jsonName;
  private final String className;

  ModelType(String jsonName, String className) {
    this.jsonName = jsonName;
    this.className = className;
  }

  /** The {@code model_type} value. */
  public String jsonName() {
    return jsonName;
  }

  /** The prefix of transformers' class names ({@code Bert} in {@code BertForSequenceClassification}). */
  public String className() {
    return className;
  }

  /** Whether the embeddings add token-type (segment) embeddings. */
  public boolean hasTokenTypes() {
    return this != DISTILBERT;
  }

  /** Whether the encoder has a pooler that the sequence-classification head reads. */
  public boolean hasPooler() {
    return this == BERT;
  }

  /** Whether position ids start after the padding id and skip padding (RoBERTa's rule). */
  public boolean positionsAfterPadding() {
    return this == ROBERTA || this == XLM_ROBERTA;
  }

  /** Parses a {@code model_type} value. */
  public static ModelType fromJsonName(String name) {
    for (ModelType t : values()) {
      if (t.jsonName.equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "model_type '" + name + "' is not supported; supported: "
            + Arrays.stream(values()).map(ModelType::jsonName).collect(Collectors.joining(", ")));
  }
}

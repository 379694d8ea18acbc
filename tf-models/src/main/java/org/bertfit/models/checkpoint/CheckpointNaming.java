package org.bertfit.models.checkpoint;

import java.util.Collection;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variable-naming schemes of BERT checkpoints, and the rule that maps each onto bertfit's names
 * (Google's: {@code bert/encoder/layer_0/attention/self/query/kernel}, head {@code classifier/kernel}).
 *
 * <ul>
 *   <li>{@link #GOOGLE_BERT}: {@code bert/embeddings/word_embeddings}, {@code bert/encoder/layer_N/...},
 *       possibly under a prefix such as TF-Hub's {@code module/}; a fine-tuned head is {@code
 *       output_weights} ({@code [labels, hidden]}, transposed) and {@code output_bias}.
 *   <li>{@link #HUGGING_FACE_TF}: {@code tf_bert_for_sequence_classification/bert/encoder/layer_._N/...},
 *       {@code .../word_embeddings/weight}, {@code .../position_embeddings/embeddings}, head {@code
 *       .../classifier/kernel}; object-based TF2 checkpoints are read through their object graph.
 *   <li>{@link #BERTFIT}: bertfit's own names, unprefixed, as written by bertfit's models and exports.
 *   <li>{@link #HUGGING_FACE}: PyTorch names in safetensors ({@code bert.encoder.layer.0...weight},
 *       Linear weights {@code [out, in]}), mapped by {@code org.bertfit.models.hub.HubNames}.
 * </ul>
 */
public enum CheckpointNaming {
  GOOGLE_BERT("google-bert"),
  HUGGING_FACE_TF("hugging-face-tf"),
  BERTFIT("bertfit"),
  HUGGING_FACE("hugging-face");

  private static final Pattern ENCODER = Pattern.compile("(^|.*?/)(bert/.*)");
  /** BERT's head, and RoBERTa's ({@code classifier/dense}, {@code classifier/out_proj}) and DistilBERT's ({@code pre_classifier}). */
  private static final Pattern HEAD =
      Pattern.compile("(^|.*/)((?:pre_)?classifier(?:/dense|/out_proj)?)/(kernel|bias)");

  private final String label;

  CheckpointNaming(String label) {
    this.label = label;
  }

  @Override
  public String toString() {
    return label;
  }

  /** The scheme of a checkpoint, judged from its variable names. */
  public static CheckpointNaming detect(Collection<String> names) {
    boolean huggingFace = false;
    boolean prefixed = false;
    boolean bertfitHead = false;
    for (String raw : names) {
      String name = stripIndex(raw);
      if (name.contains("/layer_._") || name.endsWith("word_embeddings/weight")) {
        huggingFace = true;
      }
      Matcher m = ENCODER.matcher(name);
      if (m.matches() && !m.group(1).isEmpty()) {
        prefixed = true;
      }
      if (name.equals("classifier/kernel")) {
        bertfitHead = true;
      }
    }
    if (huggingFace) {
      return HUGGING_FACE_TF;
    }
    return bertfitHead && !prefixed ? BERTFIT : GOOGLE_BERT;
  }

  /**
   * The bertfit variable a checkpoint variable maps to, if any.
   *
   * @param name the checkpoint variable's name
   */
  public static Optional<Target> target(String name) {
    String stripped = stripIndex(name);
    Matcher encoder = ENCODER.matcher(stripped);
    if (encoder.matches()) {
      String rest =
          encoder
              .group(2)
              .replace("/layer_._", "/layer_")
              .replace("word_embeddings/weight", "word_embeddings")
              .replace("position_embeddings/embeddings", "position_embeddings")
              .replace("token_type_embeddings/embeddings", "token_type_embeddings");
      return Optional.of(new Target(rest, false));
    }
    Matcher head = HEAD.matcher(stripped);
    if (head.matches()) {
      return Optional.of(new Target(head.group(2) + "/" + head.group(3), false));
    }
    if (stripped.equals("output_weights")) {
      return Optional.of(new Target("classifier/kernel", true));
    }
    if (stripped.equals("output_bias")) {
      return Optional.of(new Target("classifier/bias", false));
    }
    return Optional.empty();
  }

  /** The prefix before {@code bert/} in the checkpoint's names ({@code "module/"}), or "". */
  public static String prefix(Collection<String> names) {
    for (String name : names) {
      Matcher m = ENCODER.matcher(stripIndex(name));
      if (m.matches()) {
        return m.group(1);
      }
    }
    return "";
  }

  private static String stripIndex(String name) {
    return name.endsWith(":0") ? name.substring(0, name.length() - 2) : name;
  }

  /**
   * Where a checkpoint variable goes.
   *
   * @param name bertfit's variable name
   * @param transposed whether the stored matrix is the transpose of bertfit's
   */
  public record Target(String name, boolean transposed) {}
}

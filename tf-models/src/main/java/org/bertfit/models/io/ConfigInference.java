package org.bertfit.models.io;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bertfit.models.BertConfig;
import org.bertfit.models.HiddenActivation;
import org.bertfit.models.checkpoint.CheckpointException;
import org.bertfit.models.checkpoint.CheckpointNaming;
import org.bertfit.models.checkpoint.CheckpointVariable;

/**
 * Infers the encoder's shape from a checkpoint's variables when no {@code config.json} comes with
 * it: vocabulary, hidden and intermediate sizes, layers, positions and token types from the shapes;
 * attention heads as hidden / 64 (every published BERT uses 64-wide heads); GELU's exact form when
 * the graph has an {@code Erf} op, else the tanh approximation of Google's original BERT.
 */
public final class ConfigInference {
  private static final Pattern LAYER = Pattern.compile("bert/encoder/layer_(\\d+)/.*");
  private static final int HEAD_SIZE = 64;

  private ConfigInference() {}

  /**
   * @param variables the checkpoint's variables
   * @param opTypes the op types of the graph that used them (empty when unknown)
   * @param base labels, problem type and dropout rates to keep
   */
  public static BertConfig infer(
      Collection<CheckpointVariable> variables, Set<String> opTypes, BertConfig base) {
    Map<String, long[]> shapes = new HashMap<>();
    int layers = 0;
    for (CheckpointVariable v : variables) {
      var target = CheckpointNaming.target(v.name());
      if (target.isEmpty()) {
        continue;
      }
      shapes.put(target.get().name(), v.shape());
      Matcher m = LAYER.matcher(target.get().name());
      if (m.matches()) {
        layers = Math.max(layers, Integer.parseInt(m.group(1)) + 1);
      }
    }
    long[] words = require(shapes, "bert/embeddings/word_embeddings");
    long[] positions = require(shapes, "bert/embeddings/position_embeddings");
    long[] types = require(shapes, "bert/embeddings/token_type_embeddings");
    long[] intermediate = require(shapes, "bert/encoder/layer_0/intermediate/dense/kernel");
    int hidden = (int) words[1];
    HiddenActivation activation =
        opTypes.isEmpty() || opTypes.contains("Erf") ? HiddenActivation.GELU : HiddenActivation.GELU_NEW;
    return base.toBuilder()
        .vocabSize((int) words[0])
        .hiddenSize(hidden)
        .numHiddenLayers(layers)
        .numAttentionHeads(Math.max(1, hidden / HEAD_SIZE))
        .intermediateSize((int) intermediate[1])
        .maxPositionEmbeddings((int) positions[0])
        .typeVocabSize((int) types[0])
        .hiddenAct(activation)
        .build();
  }

  private static long[] require(Map<String, long[]> shapes, String name) {
    long[] shape = shapes.get(name);
    if (shape == null) {
      throw new CheckpointException(
          "the checkpoint has no variable for " + name + ": not a BERT checkpoint, or an unknown naming");
    }
    return shape;
  }
}

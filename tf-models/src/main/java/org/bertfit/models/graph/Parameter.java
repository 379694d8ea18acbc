package org.bertfit.models.graph;

import java.util.Arrays;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A trainable float32 variable of the model.
 *
 * @param name the variable's name in the graph and in bertfit checkpoints (Google BERT naming, e.g.
 *     {@code bert/encoder/layer_0/attention/self/query/kernel})
 * @param variable the graph variable
 * @param shape its dimensions
 * @param initializer how it starts when not imported
 */
public record Parameter(
    String name, Variable<TFloat32> variable, long[] shape, Initializer initializer) {

  /** Number of elements. */
  public long size() {
    return Arrays.stream(shape).reduce(1, (a, b) -> a * b);
  }

  /** Whether weight decay applies: not to biases, nor to LayerNorm's gamma and beta. */
  public boolean decays() {
    return !(name.endsWith("/bias") || name.contains("LayerNorm/"));
  }

  /** Whether this parameter belongs to the encoder (everything under {@code bert/}), not a head. */
  public boolean inEncoder() {
    return name.startsWith(ParameterStore.ENCODER_SCOPE + "/");
  }

  /** Whether this parameter is the pooler's, which only sequence classification heads read. */
  public boolean inPooler() {
    return name.startsWith(ParameterStore.ENCODER_SCOPE + "/pooler/");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Parameter p && name.equals(p.name) && variable.equals(p.variable);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name + Arrays.toString(shape);
  }
}

package org.bertfit.models.gradients;

import java.util.List;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.SparseSoftmaxCrossEntropyWithLogits;
import org.tensorflow.types.TFloat32;

/**
 * Gradients, written in Java, for the ops bertfit uses whose gradient TensorFlow's C++ registry
 * lacks (so that {@code Graph.addGradients} can differentiate every bertfit graph). Registered once
 * per JVM; bertfit's graph builders call {@link #register()} before building.
 */
public final class CustomGradients {
  private static boolean registered;

  private CustomGradients() {}

  /** Registers the gradients (idempotent, thread-safe). */
  public static synchronized void register() {
    if (registered) {
      return;
    }
    TensorFlow.registerCustomGradient(
        SparseSoftmaxCrossEntropyWithLogits.OP_NAME, CustomGradients::sparseSoftmaxCrossEntropy);
    registered = true;
  }

  /**
   * {@code SparseSoftmaxCrossEntropyWithLogits(features [batch, classes], labels [batch])} returns
   * {@code (loss [batch], backprop [batch, classes])} where backprop = softmax(features) -
   * one_hot(labels) is d loss / d features. So d L / d features = backprop * dL/dloss (broadcast
   * over classes); the integer labels get a zero gradient.
   */
  @SuppressWarnings("unchecked")
  static List<Operand<?>> sparseSoftmaxCrossEntropy(
      Ops tf, GraphOperation op, List<Output<?>> gradients) {
    Operand<TFloat32> backprop = (Operand<TFloat32>) (Operand<?>) op.output(1);
    Operand<TFloat32> lossGradient = (Operand<TFloat32>) gradients.get(0);
    Operand<TFloat32> features =
        tf.math.mul(backprop, tf.expandDims(lossGradient, tf.constant(-1)));
    return List.of(features, tf.zerosLike(op.input(1)));
  }
}

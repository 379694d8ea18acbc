package org.bertfit.training.losses;

import org.bertfit.datasets.Task;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Cross-entropy of softmax(logits) against int class ids. With class weights, each example counts
 * {@code weight[label]} times and the mean divides by the sum of the weights, as PyTorch's {@code
 * CrossEntropyLoss(weight=...)} does.
 *
 * @param classWeights one weight per class, or {@code null} for none
 */
public record SparseCategoricalCrossEntropy(float[] classWeights) implements Loss {
  @Override
  public Task task() {
    return Task.SINGLE_LABEL;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Operand<TFloat32> perExample(Ops tf, Operand<TFloat32> logits, Operand<?> labels) {
    return tf.nn.sparseSoftmaxCrossEntropyWithLogits(logits, (Operand<TInt32>) labels).loss();
  }

  @Override
  @SuppressWarnings("unchecked")
  public Operand<TFloat32> mean(Ops tf, Operand<TFloat32> logits, Operand<?> labels) {
    Operand<TFloat32> losses = perExample(tf, logits, labels);
    Operand<TInt32> axis = tf.constant(0);
    if (classWeights == null) {
      return tf.math.mean(losses, axis);
    }
    Operand<TFloat32> weights =
        tf.gather(
            tf.constant(Shape.of(classWeights.length), DataBuffers.of(classWeights, true, false)),
            (Operand<TInt32>) labels,
            axis);
    return tf.math.div(tf.reduceSum(tf.math.mul(losses, weights), axis), tf.reduceSum(weights, axis));
  }
}

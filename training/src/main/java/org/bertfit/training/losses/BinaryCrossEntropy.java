package org.bertfit.training.losses;

import org.bertfit.datasets.Task;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Multi-label binary cross-entropy from logits against a 0/1 matrix, averaged over examples and
 * labels, as PyTorch's {@code BCEWithLogitsLoss}; {@code posWeight} multiplies the loss of positive
 * labels (to counter rare labels). Computed stably: {@code pw·y·softplus(-x) + (1-y)·softplus(x)}.
 *
 * @param posWeight one weight per label, or {@code null} for none
 */
public record BinaryCrossEntropy(float[] posWeight) implements Loss {
  @Override
  public Task task() {
    return Task.MULTI_LABEL;
  }

  @Override
  public Operand<TFloat32> perExample(Ops tf, Operand<TFloat32> logits, Operand<?> labels) {
    return tf.math.mean(elementwise(tf, logits, labels), tf.constant(1));
  }

  @Override
  public Operand<TFloat32> mean(Ops tf, Operand<TFloat32> logits, Operand<?> labels) {
    return tf.math.mean(elementwise(tf, logits, labels), tf.constant(new int[] {0, 1}));
  }

  @SuppressWarnings("unchecked")
  private Operand<TFloat32> elementwise(Ops tf, Operand<TFloat32> logits, Operand<?> labels) {
    Operand<TFloat32> y = (Operand<TFloat32>) labels;
    Operand<TFloat32> positive = tf.math.mul(y, tf.math.softplus(tf.math.neg(logits)));
    if (posWeight != null) {
      positive =
          tf.math.mul(
              positive, tf.constant(Shape.of(posWeight.length), DataBuffers.of(posWeight, true, false)));
    }
    Operand<TFloat32> negative =
        tf.math.mul(tf.math.sub(tf.constant(1f), y), tf.math.softplus(logits));
    return tf.math.add(positive, negative);
  }
}

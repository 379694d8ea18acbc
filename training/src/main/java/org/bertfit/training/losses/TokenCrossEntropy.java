package org.bertfit.training.losses;

import java.util.List;
import org.bertfit.datasets.Task;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Token classification: cross-entropy per token against int tag ids {@code [batch, seq]}, ignoring
 * tokens labelled {@value #IGNORE} (special tokens, padding, non-first sub-tokens). The batch loss is
 * the mean over all labelled tokens of the batch, as PyTorch's {@code ignore_index=-100}.
 */
public record TokenCrossEntropy() implements Loss {
  /** The label of tokens the loss ignores. */
  public static final int IGNORE = -100;

  @Override
  public Task task() {
    return Task.TOKEN_CLASSIFICATION;
  }

  /** Per token, flattened to {@code [batch * seq]}: losses (0 where ignored) and the 0/1 mask. */
  private record Tokens(Operand<TFloat32> losses, Operand<TFloat32> mask) {}

  private static Tokens tokens(Ops tf, Operand<TFloat32> logits, Operand<?> labels) {
    @SuppressWarnings("unchecked")
    Operand<TInt32> tags = tf.reshape((Operand<TInt32>) labels, tf.constant(new int[] {-1}));
    Operand<TBool> labelled = tf.math.notEqual(tags, tf.constant(IGNORE));
    Operand<TInt32> safeTags = tf.select(labelled, tags, tf.zerosLike(tags));
    Operand<TFloat32> flatLogits =
        tf.reshape(logits, tf.stack(List.of(tf.constant(-1), dimension(tf, logits, 2))));
    Operand<TFloat32> mask = tf.dtypes.cast(labelled, TFloat32.class);
    Operand<TFloat32> losses =
        tf.math.mul(tf.nn.sparseSoftmaxCrossEntropyWithLogits(flatLogits, safeTags).loss(), mask);
    return new Tokens(losses, mask);
  }

  private static Operand<TInt32> dimension(Ops tf, Operand<TFloat32> x, int axis) {
    return tf.gather(tf.shape(x), tf.constant(axis), tf.constant(0));
  }

  @Override
  public Operand<TFloat32> perExample(Ops tf, Operand<TFloat32> logits, Operand<?> labels) {
    Tokens t = tokens(tf, logits, labels);
    Operand<TInt32> rows = tf.stack(List.of(dimension(tf, logits, 0), tf.constant(-1)));
    Operand<TFloat32> sums = tf.reduceSum(tf.reshape(t.losses(), rows), tf.constant(1));
    Operand<TFloat32> counts = tf.reduceSum(tf.reshape(t.mask(), rows), tf.constant(1));
    return tf.math.divNoNan(sums, counts);
  }

  @Override
  public Operand<TFloat32> mean(Ops tf, Operand<TFloat32> logits, Operand<?> labels) {
    Tokens t = tokens(tf, logits, labels);
    Operand<TInt32> axis = tf.constant(0);
    return tf.math.divNoNan(tf.reduceSum(t.losses(), axis), tf.reduceSum(t.mask(), axis));
  }
}

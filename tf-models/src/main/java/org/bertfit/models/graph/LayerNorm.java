package org.bertfit.models.graph;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;

/** Layer normalisation over the last axis, variables {@code SCOPE/gamma} and {@code SCOPE/beta}. */
public final class LayerNorm {
  private final Variable<TFloat32> gamma;
  private final Variable<TFloat32> beta;
  private final float epsilon;

  public LayerNorm(ParameterStore store, String scope, int size, double epsilon) {
    gamma = store.create(scope + "/gamma", new long[] {size}, Initializer.ONES);
    beta = store.create(scope + "/beta", new long[] {size}, Initializer.ZEROS);
    this.epsilon = (float) epsilon;
  }

  public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x) {
    Operand<org.tensorflow.types.TInt32> lastAxis = tf.constant(-1);
    Operand<TFloat32> mean = tf.math.mean(x, lastAxis, Mean.keepDims(true));
    Operand<TFloat32> variance =
        tf.math.mean(tf.math.squaredDifference(x, mean), lastAxis, Mean.keepDims(true));
    Operand<TFloat32> scale =
        tf.math.mul(tf.math.rsqrt(RawOps.add(tf, variance, tf.constant(epsilon))), gamma);
    return RawOps.add(tf, tf.math.mul(tf.math.sub(x, mean), scale), beta);
  }
}

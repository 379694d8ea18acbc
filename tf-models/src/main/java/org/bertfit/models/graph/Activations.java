package org.bertfit.models.graph;

import org.bertfit.models.HiddenActivation;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The feed-forward activations of {@link HiddenActivation}. */
final class Activations {
  private static final float SQRT_HALF = (float) Math.sqrt(0.5);
  private static final float SQRT_2_OVER_PI = (float) Math.sqrt(2 / Math.PI);

  private Activations() {}

  static Operand<TFloat32> apply(Ops tf, HiddenActivation activation, Operand<TFloat32> x) {
    return switch (activation) {
      case GELU -> gelu(tf, x);
      case GELU_NEW -> geluTanh(tf, x);
      case RELU -> tf.nn.relu(x);
    };
  }

  /** {@code 0.5 x (1 + erf(x / sqrt 2))}: TensorFlow fuses this form into the MatMul before it. */
  static Operand<TFloat32> gelu(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> cdf =
        tf.math.mul(
            tf.constant(0.5f),
            RawOps.add(tf, tf.constant(1f), tf.math.erf(tf.math.mul(x, tf.constant(SQRT_HALF)))));
    return tf.math.mul(x, cdf);
  }

  /** {@code 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))}, as Google's BERT computes it. */
  static Operand<TFloat32> geluTanh(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> cubic = tf.math.mul(tf.math.mul(tf.constant(0.044715f), x), tf.math.square(x));
    Operand<TFloat32> inner = tf.math.mul(RawOps.add(tf, x, cubic), tf.constant(SQRT_2_OVER_PI));
    Operand<TFloat32> cdf =
        tf.math.mul(RawOps.add(tf, tf.math.tanh(inner), tf.constant(1f)), tf.constant(0.5f));
    return tf.math.mul(cdf, x);
  }
}

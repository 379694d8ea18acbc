package org.bertfit.models.graph;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Whether a forward pass is built for training (dropout on) or inference (deterministic, no random
 * ops in the graph). In training, dropout masks come from stateless random ops keyed by a
 * {@code [2]} int64 seed that the caller feeds each step, so runs are reproducible and resumable.
 */
public final class Mode {
  private static final long SITE_STRIDE = 1_000_003;

  private final Operand<TInt64> seed;
  private int site;

  private Mode(Operand<TInt64> seed) {
    this.seed = seed;
  }

  /** A deterministic forward pass: dropout is the identity. */
  public static Mode inference() {
    return new Mode(null);
  }

  /** A training forward pass whose dropout masks derive from {@code seed} (shape {@code [2]}). */
  public static Mode training(Operand<TInt64> seed) {
    if (seed == null) {
      throw new IllegalArgumentException("training needs a dropout seed");
    }
    return new Mode(seed);
  }

  public boolean isTraining() {
    return seed != null;
  }

  /** Inverted dropout with drop probability {@code rate}: zeroes elements, scales the rest by 1/(1-rate). */
  public Operand<TFloat32> dropout(Ops tf, Operand<TFloat32> x, double rate) {
    if (seed == null || rate == 0) {
      return x;
    }
    // The fed seed is (run seed, step); each dropout site shifts the first half by its own stride,
    // so no two sites of one step, nor one site at two steps, share a mask.
    Operand<TInt64> siteSeed = tf.math.add(seed, tf.constant(new long[] {++site * SITE_STRIDE, 0}));
    Operand<TFloat32> uniform =
        tf.random.statelessRandomUniform(tf.shape(x), siteSeed, TFloat32.class);
    Operand<TFloat32> keep =
        tf.dtypes.cast(tf.math.greaterEqual(uniform, tf.constant((float) rate)), TFloat32.class);
    return tf.math.mul(x, tf.math.mul(keep, tf.constant((float) (1 / (1 - rate)))));
  }
}

package org.bertfit.training.optimizers;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The learning rate as a function of the optimizer step, computed in the graph, as Hugging Face's
 * schedules: linear warm-up from 0 over {@code warmupSteps}, then linear decay to 0 at {@code
 * totalSteps}, a half cosine to 0, or constant. Step {@code s} (0-based) uses the rate at {@code s}:
 * with warm-up, the first update has rate 0, exactly as {@code get_linear_schedule_with_warmup}.
 */
public record LearningRateSchedule(Kind kind, double baseRate, long warmupSteps, long totalSteps) {
  /** The shape of the schedule after warm-up. */
  public enum Kind {
    LINEAR,
    COSINE,
    CONSTANT;

    /** Parses {@code linear}, {@code cosine} or {@code constant}. */
    public static Kind parse(String name) {
      for (Kind k : values()) {
        if (k.name().equalsIgnoreCase(name)) {
          return k;
        }
      }
      throw new IllegalArgumentException(
          "lr_scheduler_type '" + name + "' is not supported; supported: linear, cosine, constant");
    }
  }

  public LearningRateSchedule {
    if (!(baseRate > 0) || warmupSteps < 0 || totalSteps < 1) {
      throw new IllegalArgumentException(
          "need learning_rate > 0, warmup_steps >= 0 and total steps >= 1; got " + baseRate + ", "
              + warmupSteps + ", " + totalSteps);
    }
  }

  /** The rate at 0-based optimizer step {@code step}, computed in Java (for logs). */
  public double at(long step) {
    if (step < warmupSteps) {
      return baseRate * step / Math.max(1, warmupSteps);
    }
    double progress = (double) (step - warmupSteps) / Math.max(1, totalSteps - warmupSteps);
    return baseRate * switch (kind) {
      case LINEAR -> Math.max(0, 1 - progress);
      case COSINE -> Math.max(0, 0.5 * (1 + Math.cos(Math.PI * progress)));
      case CONSTANT -> 1.0;
    };
  }

  /** The same rate computed in the graph from the step variable's value. */
  public Operand<TFloat32> build(Ops tf, Operand<TInt64> step) {
    Operand<TFloat32> s = tf.dtypes.cast(step, TFloat32.class);
    Operand<TFloat32> warmup = tf.constant((float) Math.max(1, warmupSteps));
    Operand<TFloat32> warming = tf.math.div(s, warmup);
    Operand<TFloat32> progress =
        tf.math.div(
            tf.math.sub(s, tf.constant((float) warmupSteps)),
            tf.constant((float) Math.max(1, totalSteps - warmupSteps)));
    Operand<TFloat32> zero = tf.constant(0f);
    Operand<TFloat32> after =
        switch (kind) {
          case LINEAR -> tf.math.maximum(zero, tf.math.sub(tf.constant(1f), progress));
          case COSINE ->
              tf.math.maximum(
                  zero,
                  tf.math.mul(
                      tf.constant(0.5f),
                      tf.math.add(
                          tf.constant(1f),
                          tf.math.cos(tf.math.mul(tf.constant((float) Math.PI), progress)))));
          case CONSTANT -> tf.constant(1f);
        };
    Operand<TFloat32> factor =
        tf.select(tf.math.less(s, tf.constant((float) warmupSteps)), warming, after);
    return tf.math.mul(tf.constant((float) baseRate), factor);
  }
}

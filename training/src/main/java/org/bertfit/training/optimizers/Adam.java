package org.bertfit.training.optimizers;

import java.util.ArrayList;
import java.util.List;
import org.bertfit.models.graph.Parameter;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Adam, as PyTorch's optimizers: the step {@code p -= lr · m̂ / (sqrt(v̂) + eps)} with
 * bias-corrected moments. Weight decay applies to parameters that decay (not biases, not
 * LayerNorm): decoupled as {@code torch.optim.AdamW} ({@code p -= lr·wd·p} before the step,
 * Loshchilov and Hutter), or as L2 added to the gradient as {@code torch.optim.Adam}. The step runs
 * as TensorFlow's fused {@code ApplyAdam} kernel, its epsilon set each step so that the result is
 * PyTorch's.
 */
public record Adam(double beta1, double beta2, double epsilon, boolean decoupledWeightDecay)
    implements Optimizer {
  public Adam {
    if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
      throw new IllegalArgumentException("betas must be in [0, 1), got " + beta1 + ", " + beta2);
    }
    if (!(epsilon > 0)) {
      throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
    }
  }

  @Override
  public Op apply(
      Ops tf,
      Slots slots,
      List<Parameter> parameters,
      List<Operand<TFloat32>> gradients,
      Operand<TFloat32> learningRate,
      Operand<TFloat32> t,
      double weightDecay) {
    Operand<TFloat32> b1 = tf.constant((float) beta1);
    Operand<TFloat32> b2 = tf.constant((float) beta2);
    Operand<TFloat32> b1Power = tf.math.pow(b1, t);
    Operand<TFloat32> b2Power = tf.math.pow(b2, t);
    // ApplyAdam divides by sqrt(v) + eps' with uncorrected v; PyTorch by sqrt(v̂) + eps.
    Operand<TFloat32> eps =
        tf.math.mul(tf.constant((float) epsilon), tf.math.sqrt(tf.math.sub(tf.constant(1f), b2Power)));
    Operand<TFloat32> wd = tf.constant((float) weightDecay);
    List<Op> updates = new ArrayList<>();
    for (int i = 0; i < parameters.size(); i++) {
      Parameter p = parameters.get(i);
      Variable<TFloat32> variable = p.variable();
      Operand<TFloat32> g = gradients.get(i);
      Ops step = tf;
      if (weightDecay > 0 && p.decays()) {
        if (decoupledWeightDecay) {
          // After the gradient: the decay must not change the weights the gradient is computed from.
          Ops afterGradient = tf.withControlDependencies(List.of(g));
          step = tf.withControlDependencies(
              List.of(afterGradient.assignSub(variable, tf.math.mul(variable, tf.math.mul(learningRate, wd)))));
        } else {
          g = tf.math.add(g, tf.math.mul(variable, wd));
        }
      }
      updates.add(
          step.train.applyAdam(
              variable, slots.get(p, "m"), slots.get(p, "v"), b1Power, b2Power, learningRate, b1, b2,
              eps, g));
    }
    return tf.withControlDependencies(updates).noOp();
  }
}

package org.bertfit.training.optimizers;

import java.util.ArrayList;
import java.util.List;
import org.bertfit.models.graph.Parameter;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Stochastic gradient descent with momentum, as PyTorch's {@code torch.optim.SGD}: {@code b = μ·b +
 * g; p -= lr·b}, where {@code g} includes L2 weight decay {@code wd·p} for parameters that decay.
 */
public record Sgd(double momentum) implements Optimizer {
  public Sgd {
    if (!(momentum >= 0 && momentum < 1)) {
      throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
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
    List<Op> updates = new ArrayList<>();
    for (int i = 0; i < parameters.size(); i++) {
      Parameter p = parameters.get(i);
      Operand<TFloat32> g = gradients.get(i);
      if (weightDecay > 0 && p.decays()) {
        g = tf.math.add(g, tf.math.mul(p.variable(), tf.constant((float) weightDecay)));
      }
      updates.add(
          tf.train.applyMomentum(
              p.variable(), slots.get(p, "momentum"), learningRate, g, tf.constant((float) momentum)));
    }
    return tf.withControlDependencies(updates).noOp();
  }
}

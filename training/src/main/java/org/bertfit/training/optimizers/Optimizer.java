package org.bertfit.training.optimizers;

import java.util.List;
import org.bertfit.models.graph.Parameter;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Builds the graph ops that update parameters from their gradients. */
public sealed interface Optimizer permits Adam, Sgd {
  /**
   * The update of {@code parameters} by {@code gradients} (same order). The caller guarantees that
   * each gradient is computed only after every read of the parameters by the forward and backward
   * passes, so an update may start once its gradient is ready.
   *
   * @param learningRate the scheduled learning rate of this step (scalar)
   * @param t the 1-based number of this update, as a float scalar (for Adam's bias correction)
   * @param weightDecay the weight decay of parameters that decay (not biases, not LayerNorm)
   */
  Op apply(
      Ops tf,
      Slots slots,
      List<Parameter> parameters,
      List<Operand<TFloat32>> gradients,
      Operand<TFloat32> learningRate,
      Operand<TFloat32> t,
      double weightDecay);

  /** AdamW (decoupled weight decay) with PyTorch's defaults: betas 0.9, 0.999, eps 1e-8. */
  static Adam adamW() {
    return new Adam(0.9, 0.999, 1e-8, true);
  }

  /** Adam with weight decay as L2 in the gradient, PyTorch's defaults. */
  static Adam adam() {
    return new Adam(0.9, 0.999, 1e-8, false);
  }

  /** SGD with momentum. */
  static Sgd sgd(double momentum) {
    return new Sgd(momentum);
  }

  /** Parses {@code adamw}, {@code adam} or {@code sgd} (momentum 0.9). */
  static Optimizer parse(String name) {
    return switch (name.toLowerCase(java.util.Locale.ROOT)) {
      case "adamw" -> adamW();
      case "adam" -> adam();
      case "sgd" -> sgd(0.9);
      default -> throw new IllegalArgumentException(
          "optimizer '" + name + "' is not supported; supported: adamw, adam, sgd");
    };
  }
}

package org.bertfit.models.graph;

import org.tensorflow.Operand;
import org.tensorflow.Operation;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Ops that TensorFlow Java's generated API does not expose, or exposes only in a form that
 * TensorFlow's graph optimiser does not fuse: {@code AddV2} (the optimiser's GELU, LayerNorm and
 * residual fusions match AddV2, not the legacy Add) and {@code BatchMatMulV2} (the attention
 * scale-and-mask fusion matches V2, not the V3 that the generated API emits).
 */
final class RawOps {
  private RawOps() {}

  static Operand<TFloat32> add(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b) {
    Operation op =
        tf.scope().opBuilder("AddV2", "AddV2").addInput(a.asOutput()).addInput(b.asOutput()).build();
    return op.output(0);
  }

  /** {@code a · b}, or {@code a · bᵀ} with {@code adjointB}, batched over the leading dimensions. */
  static Operand<TFloat32> batchMatMul(
      Ops tf, Operand<TFloat32> a, Operand<TFloat32> b, boolean adjointB) {
    Operation op =
        tf.scope()
            .opBuilder("BatchMatMulV2", "BatchMatMulV2")
            .addInput(a.asOutput())
            .addInput(b.asOutput())
            .setAttr("adj_x", false)
            .setAttr("adj_y", adjointB)
            .build();
    return op.output(0);
  }
}

package org.bertfit.models.graph;

import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** Copies float tensors out to Java arrays. */
public final class Floats {
  private Floats() {}

  /** The tensor's values in row-major order. */
  public static float[] of(TFloat32 tensor) {
    float[] out = new float[Math.toIntExact(tensor.shape().size())];
    tensor.copyTo(DataBuffers.of(out, false, false));
    return out;
  }
}

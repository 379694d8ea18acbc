package org.bertfit.models.safetensors;

import java.util.Arrays;

/**
 * A float32 tensor held in memory: its shape and its values in row-major order.
 *
 * @param shape dimensions (empty for a scalar)
 * @param values {@code product(shape)} values
 */
public record FloatTensor(long[] shape, float[] values) {
  public FloatTensor {
    if (Arrays.stream(shape).anyMatch(d -> d < 0)) {
      throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
    }
    if (elementCount(shape) != values.length) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(shape) + " holds " + elementCount(shape) + " values, got "
              + values.length);
    }
  }

  /** The number of elements a tensor of {@code shape} holds. */
  public static long elementCount(long[] shape) {
    long n = 1;
    for (long d : shape) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  /** The shape as {@code [768, 3072]}. */
  public String shapeString() {
    return Arrays.toString(shape);
  }

  /** A 2-D tensor's transpose ({@code [rows, cols]} to {@code [cols, rows]}). */
  public FloatTensor transpose() {
    if (shape.length != 2) {
      throw new IllegalStateException("transpose needs a 2-D tensor, got shape " + shapeString());
    }
    int rows = Math.toIntExact(shape[0]);
    int cols = Math.toIntExact(shape[1]);
    float[] out = new float[values.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        out[c * rows + r] = values[r * cols + c];
      }
    }
    return new FloatTensor(new long[] {cols, rows}, out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FloatTensor t && Arrays.equals(shape, t.shape) && Arrays.equals(values, t.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(shape) * 31 + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "FloatTensor" + shapeString();
  }
}

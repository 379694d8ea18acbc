package org.bertfit.models.checkpoint;

import java.util.Arrays;
import org.tensorflow.proto.DataType;

/**
 * One tensor stored in a checkpoint.
 *
 * @param key the key in the checkpoint index
 * @param name the variable's name in the graph that wrote it (for object-based TF2 checkpoints the
 *     variable's full name, without the {@code :0} suffix; otherwise the key)
 * @param dtype element type
 * @param shape dimensions
 */
public record CheckpointVariable(String key, String name, DataType dtype, long[] shape) {
  /** Number of elements (the product of the dimensions). */
  public long size() {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return n;
  }

  /** The shape as {@code [768, 3072]}. */
  public String shapeString() {
    return Arrays.toString(shape);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CheckpointVariable v
        && key.equals(v.key)
        && name.equals(v.name)
        && dtype == v.dtype
        && Arrays.equals(shape, v.shape);
  }

  @Override
  public int hashCode() {
    return key.hashCode() * 31 + Arrays.hashCode(shape);
  }

  @Override
  public String toString() {
    return name + " " + dtype + shapeString();
  }
}

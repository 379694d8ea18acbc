package org.bertfit.models.safetensors;

import java.util.Arrays;

/**
 * One tensor's entry in a safetensors header.
 *
 * @param name the tensor's name (PyTorch naming on the Hub, e.g. {@code bert.pooler.dense.weight})
 * @param dtype element type
 * @param shape dimensions
 * @param begin first byte, relative to the start of the data section
 * @param end one past the last byte, relative to the start of the data section
 */
public record TensorInfo(String name, SafetensorsDtype dtype, long[] shape, long begin, long end) {
  /** The shape as {@code [768, 3072]}. */
  public String shapeString() {
    return Arrays.toString(shape);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TensorInfo t
        && name.equals(t.name)
        && dtype == t.dtype
        && Arrays.equals(shape, t.shape)
        && begin == t.begin
        && end == t.end;
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(shape);
  }

  @Override
  public String toString() {
    return name + " " + dtype + shapeString();
  }
}

package org.bertfit.models.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * An ONNX {@code TensorProto}: an initializer of the graph or the value of a {@code Constant} node.
 *
 * @param name the tensor's name
 * @param dims its dimensions
 * @param dataType ONNX's element type code ({@link #FLOAT}, {@link #INT64}, ...)
 * @param data the values, little-endian, as ONNX's {@code raw_data} holds them
 */
public record OnnxTensor(String name, long[] dims, int dataType, ByteBuffer data) {
  /** {@code TensorProto.DataType.FLOAT}. */
  public static final int FLOAT = 1;
  /** {@code TensorProto.DataType.INT32}. */
  public static final int INT32 = 6;
  /** {@code TensorProto.DataType.INT64}. */
  public static final int INT64 = 7;
  /** {@code TensorProto.DataType.DOUBLE}. */
  public static final int DOUBLE = 11;

  public OnnxTensor {
    data = data.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Number of elements (the product of the dimensions; 1 for a scalar). */
  public long size() {
    return Arrays.stream(dims).reduce(1, (a, b) -> a * b);
  }

  /** The values of a float tensor. */
  public float[] floats() {
    requireType(FLOAT, "float");
    float[] out = new float[Math.toIntExact(size())];
    data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
    return out;
  }

  /** The values of a float, double, int32 or int64 tensor as doubles (for small constants). */
  public double[] numbers() {
    ByteBuffer b = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    double[] out = new double[Math.toIntExact(size())];
    for (int i = 0; i < out.length; i++) {
      out[i] =
          switch (dataType) {
            case FLOAT -> b.getFloat();
            case DOUBLE -> b.getDouble();
            case INT32 -> b.getInt();
            case INT64 -> b.getLong();
            default -> throw new IllegalStateException(
                "tensor " + name + " has ONNX data type " + dataType + ", not a number type");
          };
    }
    return out;
  }

  private void requireType(int type, String what) {
    if (dataType != type) {
      throw new IllegalStateException(
          "tensor " + name + " has ONNX data type " + dataType + ", not " + what + " (" + type + ")");
    }
  }

  /** The dimensions as {@code [384, 1536]}. */
  public String shapeString() {
    return Arrays.toString(dims);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OnnxTensor t
        && name.equals(t.name) && dataType == t.dataType && Arrays.equals(dims, t.dims) && data.equals(t.data);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(dims);
  }

  @Override
  public String toString() {
    return name + " type " + dataType + shapeString();
  }
}

package org.bertfit.models.safetensors;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The element types of the safetensors format and their sizes. F32, F16, BF16 and F64 convert to
 * float32 on read; the others (integer buffers such as {@code position_ids}, 8-bit floats) are
 * listed but not read as floats.
 */
public enum SafetensorsDtype {
  BOOL(1), U8(1), I8(1), F8_E4M3(1), F8_E5M2(1), I16(2), U16(2), F16(2), BF16(2), I32(4), U32(4),
  F32(4), I64(8), U64(8), F64(8);

  private final int bytes;

  SafetensorsDtype(int bytes) {
    this.bytes = bytes;
  }

  /** Bytes per element. */
  public int bytes() {
    return bytes;
  }

  /** Whether {@link #toFloats} reads this type. */
  public boolean isFloat() {
    return this == F32 || this == F16 || this == BF16 || this == F64;
  }

  /** The type named {@code name} in a header, or an error listing the known names. */
  public static SafetensorsDtype of(String name) {
    try {
      return valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown dtype '" + name + "'; known: " + Arrays.toString(values()), e);
    }
  }

  /** Decodes {@code count} little-endian elements of this type from {@code data} to float32. */
  float[] toFloats(ByteBuffer data, int count) {
    float[] out = new float[count];
    switch (this) {
      case F32 -> data.asFloatBuffer().get(out);
      case F64 -> {
        for (int i = 0; i < count; i++) {
          out[i] = (float) data.getDouble(i * 8);
        }
      }
      case BF16 -> {
        for (int i = 0; i < count; i++) {
          out[i] = Float.intBitsToFloat((data.getShort(i * 2) & 0xffff) << 16);
        }
      }
      case F16 -> {
        for (int i = 0; i < count; i++) {
          out[i] = halfToFloat(data.getShort(i * 2));
        }
      }
      default -> throw new IllegalStateException(this + " is not a floating-point type");
    }
    return out;
  }

  /** IEEE 754 binary16 to float32, exactly (subnormals, infinities and NaN included). */
  static float halfToFloat(short half) {
    int bits = half & 0xffff;
    int sign = (bits & 0x8000) << 16;
    int exponent = (bits >>> 10) & 0x1f;
    int mantissa = bits & 0x3ff;
    if (exponent == 0x1f) {
      return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
    }
    if (exponent == 0) {
      float magnitude = mantissa * 0x1p-24f;
      return sign == 0 ? magnitude : -magnitude;
    }
    return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
  }
}

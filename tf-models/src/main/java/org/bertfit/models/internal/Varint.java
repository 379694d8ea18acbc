package org.bertfit.models.internal;

import java.nio.ByteBuffer;
import org.bertfit.models.checkpoint.CheckpointException;

/** Little-endian base-128 varints, as in protocol buffers and LevelDB tables. */
public final class Varint {
  private Varint() {}

  public static long read(ByteBuffer buffer) {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (!buffer.hasRemaining()) {
        throw new CheckpointException("truncated varint");
      }
      byte b = buffer.get();
      result |= (long) (b & 0x7f) << shift;
      if (b >= 0) {
        return result;
      }
    }
    throw new CheckpointException("varint longer than 10 bytes");
  }
}

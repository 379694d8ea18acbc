package org.bertfit.models.checkpoint;

import java.nio.ByteBuffer;

/** Little-endian base-128 varints, as in protocol buffers and LevelDB tables. */
final class Varint {
  private Varint() {}

  static long read(ByteBuffer buffer) {
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

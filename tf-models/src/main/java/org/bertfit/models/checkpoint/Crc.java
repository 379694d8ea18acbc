package org.bertfit.models.checkpoint;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/** CRC32C with LevelDB's masking, as stored in TensorFlow checkpoints and TFRecord files. */
public final class Crc {
  private static final int MASK_DELTA = 0xa282ead8;

  private Crc() {}

  /** {@code crc} masked as LevelDB stores it (rotated, plus a constant). */
  public static int mask(int crc) {
    return ((crc >>> 15) | (crc << 17)) + MASK_DELTA;
  }

  /** The masked CRC32C of the remaining bytes of {@code data} (its position is not moved). */
  public static int maskedCrc32c(ByteBuffer data) {
    CRC32C crc = new CRC32C();
    crc.update(data.duplicate());
    return mask((int) crc.getValue());
  }
}

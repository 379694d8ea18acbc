package org.bertfit.training.callbacks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.bertfit.models.checkpoint.Crc;

/**
 * TFRecord framing, the container of TensorBoard event files: the length as a little-endian uint64,
 * the masked CRC32C of those 8 bytes, the data, the masked CRC32C of the data.
 */
final class TfRecords {
  private TfRecords() {}

  /** Appends one record to {@code file} (created if absent) with a single write. */
  static void append(Path file, byte[] data) throws IOException {
    ByteBuffer frame = ByteBuffer.allocate(8 + 4 + data.length + 4).order(ByteOrder.LITTLE_ENDIAN);
    frame.putLong(data.length);
    frame.putInt(Crc.maskedCrc32c(ByteBuffer.wrap(frame.array(), 0, 8)));
    frame.put(data);
    frame.putInt(Crc.maskedCrc32c(ByteBuffer.wrap(data)));
    Files.write(file, frame.array(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}

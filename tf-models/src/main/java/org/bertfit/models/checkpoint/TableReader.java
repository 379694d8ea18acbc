package org.bertfit.models.checkpoint;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Reads the sorted string table (LevelDB table format) that TensorFlow uses for a checkpoint's
 * {@code .index} file: every key with its value, checking block checksums.
 */
final class TableReader {
  private static final long MAGIC = 0xdb4775248b80fb57L;
  private static final int FOOTER_LENGTH = 48;
  private static final int BLOCK_TRAILER_LENGTH = 5;

  private final ByteBuffer file;
  private final String name;

  private TableReader(ByteBuffer file, String name) {
    this.file = file.order(ByteOrder.LITTLE_ENDIAN);
    this.name = name;
  }

  /** All entries of the table in key order; {@code name} identifies the file in errors. */
  static Map<String, byte[]> readAll(ByteBuffer file, String name) {
    return new TableReader(file, name).entries();
  }

  private Map<String, byte[]> entries() {
    if (file.limit() < FOOTER_LENGTH) {
      throw corrupt("file is " + file.limit() + " bytes, shorter than a table footer");
    }
    if (file.getLong(file.limit() - 8) != MAGIC) {
      throw corrupt("bad magic number: not a TensorFlow checkpoint index, or truncated");
    }
    ByteBuffer footer = slice(file.limit() - FOOTER_LENGTH, FOOTER_LENGTH);
    readHandle(footer); // metaindex block: unused by checkpoints
    long[] index = readHandle(footer);
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (byte[] handleBytes : block(index).values()) {
      ByteBuffer handle = ByteBuffer.wrap(handleBytes);
      out.putAll(block(readHandle(handle)));
    }
    return out;
  }

  private Map<String, byte[]> block(long[] handle) {
    long offset = handle[0];
    long size = handle[1];
    if (offset < 0 || size < 4 || offset + size + BLOCK_TRAILER_LENGTH > file.limit()) {
      throw corrupt("block at offset " + offset + " of " + size + " bytes lies outside the file");
    }
    ByteBuffer contents = slice((int) offset, (int) size);
    int type = file.get((int) (offset + size)) & 0xff;
    int storedCrc = file.getInt((int) (offset + size + 1));
    CRC32C crc = new CRC32C();
    crc.update(contents.duplicate());
    crc.update(type);
    if (Crc.mask((int) crc.getValue()) != storedCrc) {
      throw corrupt("checksum mismatch in block at offset " + offset);
    }
    if (type != 0) {
      throw corrupt("block at offset " + offset + " is compressed (type " + type + "); unsupported");
    }
    int restarts = contents.getInt(contents.limit() - 4);
    int dataEnd = contents.limit() - 4 * (restarts + 1);
    if (restarts < 1 || dataEnd < 0) {
      throw corrupt("bad restart array in block at offset " + offset);
    }
    Map<String, byte[]> entries = new LinkedHashMap<>();
    byte[] key = new byte[0];
    contents.position(0);
    while (contents.position() < dataEnd) {
      int shared = (int) Varint.read(contents);
      int unshared = (int) Varint.read(contents);
      int valueLength = (int) Varint.read(contents);
      if (shared > key.length || contents.position() + unshared + valueLength > dataEnd) {
        throw corrupt("bad entry in block at offset " + offset);
      }
      byte[] next = new byte[shared + unshared];
      System.arraycopy(key, 0, next, 0, shared);
      contents.get(next, shared, unshared);
      byte[] value = new byte[valueLength];
      contents.get(value);
      key = next;
      entries.put(new String(key, StandardCharsets.UTF_8), value);
    }
    return entries;
  }

  private long[] readHandle(ByteBuffer buffer) {
    return new long[] {Varint.read(buffer), Varint.read(buffer)};
  }

  private ByteBuffer slice(int offset, int length) {
    return file.slice(offset, length).order(ByteOrder.LITTLE_ENDIAN);
  }

  private CheckpointException corrupt(String problem) {
    return new CheckpointException(name + ": corrupt checkpoint index: " + problem);
  }
}

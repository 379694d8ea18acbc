package org.bertfit.models.safetensors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.bertfit.models.files.AtomicWrite;

/**
 * Writes float32 tensors to a {@code .safetensors} file, atomically ({@link AtomicWrite}). Tensors
 * are stored in name order, the header padded with spaces to a multiple of 8 bytes, as the
 * reference implementation does.
 */
public final class SafetensorsWriter {
  private SafetensorsWriter() {}

  /** Writes {@code tensors} to {@code file} with metadata {@code format: pt}. */
  public static void write(Path file, Map<String, FloatTensor> tensors) {
    write(file, tensors, Map.of("format", "pt"));
  }

  /** Writes {@code tensors} to {@code file} with the given {@code __metadata__} entries. */
  public static void write(Path file, Map<String, FloatTensor> tensors, Map<String, String> metadata) {
    Map<String, FloatTensor> sorted = new TreeMap<>(tensors);
    byte[] header = header(sorted, metadata);
    AtomicWrite.file(file, out -> {
      out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).array());
      out.write(header);
      for (FloatTensor t : sorted.values()) {
        ByteBuffer data = ByteBuffer.allocate(t.values().length * 4).order(ByteOrder.LITTLE_ENDIAN);
        data.asFloatBuffer().put(t.values());
        out.write(data.array());
      }
    });
  }

  private static byte[] header(Map<String, FloatTensor> tensors, Map<String, String> metadata) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode header = json.createObjectNode();
    if (!metadata.isEmpty()) {
      ObjectNode meta = header.putObject(SafetensorsFile.METADATA);
      metadata.forEach(meta::put);
    }
    long offset = 0;
    for (Map.Entry<String, FloatTensor> e : tensors.entrySet()) {
      ObjectNode entry = header.putObject(e.getKey());
      entry.put("dtype", SafetensorsDtype.F32.name());
      ArrayNode shape = entry.putArray("shape");
      Arrays.stream(e.getValue().shape()).forEach(shape::add);
      long size = 4L * e.getValue().values().length;
      entry.putArray("data_offsets").add(offset).add(offset + size);
      offset += size;
    }
    byte[] raw = header.toString().getBytes(StandardCharsets.UTF_8);
    int padded = (raw.length + 7) / 8 * 8;
    byte[] out = new byte[padded];
    Arrays.fill(out, (byte) ' ');
    System.arraycopy(raw, 0, out, 0, raw.length);
    return out;
  }
}

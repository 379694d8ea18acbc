package org.bertfit.models.safetensors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code .safetensors} file: an 8-byte little-endian header length, a JSON header
 * {@code {name: {dtype, shape, data_offsets}}} (plus {@code __metadata__}), then the raw
 * little-endian data. Opening reads and validates the header only; {@link #read} reads one tensor.
 */
public final class SafetensorsFile {
  static final String METADATA = "__metadata__";
  private static final long MAX_HEADER_BYTES = 100L << 20;

  private final Path path;
  private final long dataStart;
  private final Map<String, TensorInfo> tensors;
  private final Map<String, String> metadata;

  private SafetensorsFile(
      Path path, long dataStart, Map<String, TensorInfo> tensors, Map<String, String> metadata) {
    this.path = path;
    this.dataStart = dataStart;
    this.tensors = Collections.unmodifiableMap(tensors);
    this.metadata = Collections.unmodifiableMap(metadata);
  }

  /**
   * Opens {@code path} and validates its header: known dtypes, byte ranges that match the shapes
   * and lie inside the file.
   *
   * @throws SafetensorsException naming the file and the problem
   */
  public static SafetensorsFile open(Path path) {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      long fileSize = channel.size();
      if (fileSize < 8) {
        throw new SafetensorsException(path + ": " + fileSize + " bytes, too short for a safetensors header");
      }
      long headerLength = readFully(channel, 0, 8, path).getLong();
      if (headerLength < 2 || headerLength > MAX_HEADER_BYTES || headerLength > fileSize - 8) {
        throw new SafetensorsException(
            path + ": header length " + headerLength + " is impossible for a file of " + fileSize
                + " bytes (not a safetensors file?)");
      }
      ByteBuffer headerBytes = readFully(channel, 8, (int) headerLength, path);
      JsonNode header = parseHeader(path, StandardCharsets.UTF_8.decode(headerBytes).toString());
      long dataStart = 8 + headerLength;
      Map<String, String> metadata = new LinkedHashMap<>();
      Map<String, TensorInfo> tensors = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (field.getKey().equals(METADATA)) {
          field.getValue().fields().forEachRemaining(m -> metadata.put(m.getKey(), m.getValue().asText()));
        } else {
          TensorInfo info = tensorInfo(path, field.getKey(), field.getValue());
          if (dataStart + info.end() > fileSize) {
            throw new SafetensorsException(
                path + " is truncated: " + info.name() + " ends at byte " + (dataStart + info.end())
                    + " of a " + fileSize + "-byte file");
          }
          tensors.put(info.name(), info);
        }
      }
      return new SafetensorsFile(path, dataStart, tensors, metadata);
    } catch (IOException e) {
      throw new SafetensorsException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  private static JsonNode parseHeader(Path path, String json) {
    try {
      JsonNode header = new ObjectMapper().readTree(json);
      if (header == null || !header.isObject()) {
        throw new SafetensorsException(path + ": the header is not a JSON object");
      }
      return header;
    } catch (IOException e) {
      throw new SafetensorsException(path + ": the header is not valid JSON: " + e.getMessage(), e);
    }
  }

  private static TensorInfo tensorInfo(Path path, String name, JsonNode node) {
    String where = path + ": tensor '" + name + "': ";
    JsonNode dtype = node.get("dtype");
    JsonNode shape = node.get("shape");
    JsonNode offsets = node.get("data_offsets");
    if (dtype == null || shape == null || !shape.isArray() || offsets == null || !offsets.isArray()
        || offsets.size() != 2) {
      throw new SafetensorsException(where + "needs dtype, shape and data_offsets [begin, end], got " + node);
    }
    SafetensorsDtype type;
    try {
      type = SafetensorsDtype.of(dtype.asText());
    } catch (IllegalArgumentException e) {
      throw new SafetensorsException(where + e.getMessage(), e);
    }
    long[] dims = new long[shape.size()];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = shape.get(i).asLong(-1);
      if (!shape.get(i).canConvertToLong() || dims[i] < 0) {
        throw new SafetensorsException(where + "bad dimension " + shape.get(i) + " in shape " + shape);
      }
    }
    long begin = offsets.get(0).asLong(-1);
    long end = offsets.get(1).asLong(-1);
    long expected = FloatTensor.elementCount(dims) * type.bytes();
    if (begin < 0 || end < begin || end - begin != expected) {
      throw new SafetensorsException(
          where + "data_offsets " + offsets + " span " + (end - begin) + " bytes, but " + type
              + shape + " needs " + expected);
    }
    return new TensorInfo(name, type, dims, begin, end);
  }

  /** The file's path. */
  public Path path() {
    return path;
  }

  /** The tensors in header order. */
  public Map<String, TensorInfo> tensors() {
    return tensors;
  }

  /** The {@code __metadata__} entries (for PyTorch files {@code format: pt}). */
  public Map<String, String> metadata() {
    return metadata;
  }

  /**
   * Reads tensor {@code name} as float32 (F16, BF16 and F64 converted).
   *
   * @throws SafetensorsException if absent or not a floating-point tensor
   */
  public FloatTensor read(String name) {
    TensorInfo info = tensors.get(name);
    if (info == null) {
      throw new SafetensorsException(path + ": no tensor '" + name + "'");
    }
    if (!info.dtype().isFloat()) {
      throw new SafetensorsException(
          path + ": tensor '" + name + "' holds " + info.dtype() + ", not a floating-point type");
    }
    long count = FloatTensor.elementCount(info.shape());
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      ByteBuffer data =
          readFully(channel, dataStart + info.begin(), Math.toIntExact(info.end() - info.begin()), path);
      return new FloatTensor(info.shape().clone(), info.dtype().toFloats(data, Math.toIntExact(count)));
    } catch (IOException e) {
      throw new SafetensorsException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  private static ByteBuffer readFully(FileChannel channel, long position, int length, Path path)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    long at = position;
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, at);
      if (n < 0) {
        throw new SafetensorsException(path + " is truncated at byte " + at);
      }
      at += n;
    }
    return buffer.flip().order(ByteOrder.LITTLE_ENDIAN);
  }
}

package org.bertfit.models.checkpoint;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32C;
import org.bertfit.models.safetensors.FloatTensor;
import org.tensorflow.proto.BundleEntryProto;
import org.tensorflow.proto.BundleHeaderProto;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.TensorShapeProto;
import org.tensorflow.proto.TrackableObjectGraphOuterClass.TrackableObjectGraph;

/**
 * A TensorFlow checkpoint (tensor bundle: {@code PREFIX.index} plus {@code PREFIX.data-*-of-*}),
 * read in plain Java: no TensorFlow graph is built or run. Opening validates the index and the
 * sizes of the data shards; reading a tensor validates its checksum.
 */
public final class Checkpoint implements WeightSource {
  private static final String OBJECT_GRAPH_KEY = "_CHECKPOINTABLE_OBJECT_GRAPH";

  private final Path prefix;
  private final Map<String, BundleEntryProto> entries;
  private final Map<String, CheckpointVariable> variables;
  private final int numShards;

  private Checkpoint(Path prefix, Map<String, BundleEntryProto> entries, int numShards) {
    this.prefix = prefix;
    this.entries = entries;
    this.numShards = numShards;
    this.variables = Collections.unmodifiableMap(describeVariables());
  }

  /**
   * Opens the checkpoint with prefix {@code prefix} (for a SavedModel: {@code DIR/variables/variables}).
   *
   * @throws CheckpointException if the index is missing or corrupt, or a data shard is missing or
   *     shorter than the index says
   */
  public static Checkpoint open(Path prefix) {
    Path index = Path.of(prefix + ".index");
    if (!Files.isRegularFile(index)) {
      throw new CheckpointException("checkpoint index not found: " + index);
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(index);
    } catch (IOException e) {
      throw new CheckpointException("cannot read " + index + ": " + e.getMessage(), e);
    }
    Map<String, byte[]> table = TableReader.readAll(ByteBuffer.wrap(bytes), index.toString());
    byte[] headerBytes = table.remove("");
    if (headerBytes == null) {
      throw new CheckpointException(index + ": corrupt checkpoint index: no bundle header");
    }
    BundleHeaderProto header;
    Map<String, BundleEntryProto> entries = new LinkedHashMap<>();
    try {
      header = BundleHeaderProto.parseFrom(headerBytes);
      for (Map.Entry<String, byte[]> e : table.entrySet()) {
        entries.put(e.getKey(), BundleEntryProto.parseFrom(e.getValue()));
      }
    } catch (InvalidProtocolBufferException e) {
      throw new CheckpointException(index + ": corrupt checkpoint index: " + e.getMessage(), e);
    }
    if (header.getEndianness() != BundleHeaderProto.Endianness.LITTLE) {
      throw new CheckpointException(index + ": big-endian checkpoints are not supported");
    }
    Checkpoint checkpoint = new Checkpoint(prefix, entries, header.getNumShards());
    checkpoint.validateShards();
    return checkpoint;
  }

  /** The checkpoint's prefix path. */
  public Path prefix() {
    return prefix;
  }

  /** The stored variables by key, in key order (bookkeeping entries such as the object graph excluded). */
  public Map<String, CheckpointVariable> variables() {
    return variables;
  }

  @Override
  public Path location() {
    return prefix;
  }

  @Override
  public Collection<CheckpointVariable> tensors() {
    return variables.values();
  }

  @Override
  public Optional<CheckpointNaming.Target> targetOf(CheckpointVariable tensor) {
    return tensor.dtype() == DataType.DT_FLOAT ? CheckpointNaming.target(tensor.name()) : Optional.empty();
  }

  @Override
  public CheckpointNaming naming() {
    return CheckpointNaming.detect(names());
  }

  @Override
  public String namePrefix() {
    return CheckpointNaming.prefix(names());
  }

  private List<String> names() {
    return variables.values().stream().map(CheckpointVariable::name).toList();
  }

  @Override
  public FloatTensor read(CheckpointVariable tensor) {
    return new FloatTensor(tensor.shape().clone(), readFloats(tensor.key()));
  }

  /** Total number of elements over {@code vars}. */
  public static long parameterCount(Collection<CheckpointVariable> vars) {
    return vars.stream().mapToLong(CheckpointVariable::size).sum();
  }

  /** Reads a float32 tensor's values. */
  public float[] readFloats(String key) {
    BundleEntryProto entry = entry(key);
    if (entry.getDtype() != DataType.DT_FLOAT) {
      throw new CheckpointException(
          prefix + ": " + key + " holds " + entry.getDtype() + ", not DT_FLOAT");
    }
    FloatBuffer floats = readBytes(key).asFloatBuffer();
    float[] out = new float[floats.remaining()];
    floats.get(out);
    return out;
  }

  /** Reads a numeric tensor's raw little-endian bytes, checking its checksum. */
  public ByteBuffer readBytes(String key) {
    ByteBuffer buffer = readRaw(key);
    if (Crc.maskedCrc32c(buffer) != entry(key).getCrc32C()) {
      throw corrupt(key);
    }
    return buffer;
  }

  private CheckpointException corrupt(String key) {
    return new CheckpointException(
        shardPath(entry(key).getShardId()) + ": checksum mismatch for " + key
            + ": the checkpoint data is corrupt");
  }

  private ByteBuffer readRaw(String key) {
    BundleEntryProto entry = entry(key);
    if (entry.getSlicesCount() > 0) {
      throw new CheckpointException(prefix + ": " + key + " is stored in slices; unsupported");
    }
    Path shard = shardPath(entry.getShardId());
    ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(entry.getSize()));
    try (FileChannel channel = FileChannel.open(shard, StandardOpenOption.READ)) {
      long position = entry.getOffset();
      while (buffer.hasRemaining()) {
        int n = channel.read(buffer, position);
        if (n < 0) {
          throw new CheckpointException(shard + " is truncated: " + key + " is cut short");
        }
        position += n;
      }
    } catch (IOException e) {
      throw new CheckpointException("cannot read " + shard + ": " + e.getMessage(), e);
    }
    buffer.flip();
    return buffer.order(ByteOrder.LITTLE_ENDIAN);
  }

  private BundleEntryProto entry(String key) {
    BundleEntryProto entry = entries.get(key);
    if (entry == null) {
      throw new CheckpointException(prefix + ": no tensor '" + key + "' in the checkpoint");
    }
    return entry;
  }

  private Path shardPath(int shard) {
    return Path.of(String.format("%s.data-%05d-of-%05d", prefix, shard, numShards));
  }

  private void validateShards() {
    long[] needed = new long[numShards];
    for (Map.Entry<String, BundleEntryProto> e : entries.entrySet()) {
      BundleEntryProto entry = e.getValue();
      if (entry.getShardId() < 0 || entry.getShardId() >= numShards) {
        throw new CheckpointException(
            prefix + ".index: " + e.getKey() + " names shard " + entry.getShardId() + " of "
                + numShards);
      }
      needed[entry.getShardId()] =
          Math.max(needed[entry.getShardId()], entry.getOffset() + entry.getSize());
    }
    for (int shard = 0; shard < numShards; shard++) {
      Path path = shardPath(shard);
      try {
        long size = Files.size(path);
        if (size < needed[shard]) {
          throw new CheckpointException(
              path + " is truncated: " + size + " bytes, but the index needs " + needed[shard]);
        }
      } catch (java.nio.file.NoSuchFileException e) {
        throw new CheckpointException("checkpoint data file missing: " + path, e);
      } catch (IOException e) {
        throw new CheckpointException("cannot read " + path + ": " + e.getMessage(), e);
      }
    }
  }

  private Map<String, CheckpointVariable> describeVariables() {
    Map<String, String> names = objectGraphNames();
    Map<String, CheckpointVariable> out = new LinkedHashMap<>();
    for (Map.Entry<String, BundleEntryProto> e : entries.entrySet()) {
      String key = e.getKey();
      if (key.equals(OBJECT_GRAPH_KEY)) {
        continue;
      }
      BundleEntryProto entry = e.getValue();
      TensorShapeProto shape = entry.getShape();
      long[] dims = new long[shape.getDimCount()];
      for (int i = 0; i < dims.length; i++) {
        dims[i] = shape.getDim(i).getSize();
      }
      out.put(key, new CheckpointVariable(key, names.getOrDefault(key, key), entry.getDtype(), dims));
    }
    return out;
  }

  /** For object-based (TF2) checkpoints: checkpoint key to the variable's full name. */
  private Map<String, String> objectGraphNames() {
    if (!entries.containsKey(OBJECT_GRAPH_KEY)) {
      return Map.of();
    }
    TrackableObjectGraph graph;
    try {
      graph = TrackableObjectGraph.parseFrom(readScalarString(OBJECT_GRAPH_KEY));
    } catch (InvalidProtocolBufferException e) {
      throw new CheckpointException(prefix + ": corrupt object graph: " + e.getMessage(), e);
    }
    Map<String, String> names = new LinkedHashMap<>();
    for (TrackableObjectGraph.TrackableObject node : graph.getNodesList()) {
      for (TrackableObjectGraph.TrackableObject.SerializedTensor t : node.getAttributesList()) {
        if (!t.getFullName().isEmpty()) {
          names.put(t.getCheckpointKey(), t.getFullName().replaceFirst(":0$", ""));
        }
      }
    }
    return names;
  }

  /**
   * A scalar DT_STRING, stored as its varint length, a 4-byte checksum, then the bytes. The entry's
   * checksum covers the length as a 4-byte integer (8 bytes past 4 GiB), the 4 checksum bytes, and
   * the bytes.
   */
  private byte[] readScalarString(String key) {
    ByteBuffer data = readRaw(key);
    long length = Varint.read(data);
    int lengthChecksum = data.getInt();
    byte[] out = new byte[Math.toIntExact(length)];
    data.get(out);
    CRC32C crc = new CRC32C();
    ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    if (length <= 0xffffffffL) {
      header.putInt((int) length);
    } else {
      header.putLong(length);
    }
    crc.update(header.putInt(lengthChecksum).flip());
    crc.update(out);
    if (Crc.mask((int) crc.getValue()) != entry(key).getCrc32C()) {
      throw corrupt(key);
    }
    return out;
  }
}

package org.bertfit.models.safetensors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The weights of a Hugging Face model: one {@code model.safetensors}, or the shards that
 * {@code model.safetensors.index.json} lists (its {@code weight_map}: tensor name to file name).
 */
public final class SafetensorsCheckpoint {
  /** The single-file name in a Hub directory. */
  public static final String FILE_NAME = "model.safetensors";
  /** The index of a sharded checkpoint in a Hub directory. */
  public static final String INDEX_NAME = "model.safetensors.index.json";

  private final Path source;
  private final Map<String, SafetensorsFile> fileOf;
  private final Map<String, TensorInfo> tensors;

  private SafetensorsCheckpoint(Path source, Map<String, SafetensorsFile> fileOf) {
    this.source = source;
    this.fileOf = fileOf;
    Map<String, TensorInfo> infos = new LinkedHashMap<>();
    fileOf.forEach((name, file) -> infos.put(name, file.tensors().get(name)));
    this.tensors = Collections.unmodifiableMap(infos);
  }

  /** Whether {@code dir} holds a single or sharded safetensors checkpoint. */
  public static boolean existsIn(Path dir) {
    return Files.isRegularFile(dir.resolve(FILE_NAME)) || Files.isRegularFile(dir.resolve(INDEX_NAME));
  }

  /**
   * Opens {@code path}: a {@code .safetensors} file, an index file, or a directory holding
   * {@value #FILE_NAME} or {@value #INDEX_NAME}.
   *
   * @throws SafetensorsException naming the file and the problem
   */
  public static SafetensorsCheckpoint open(Path path) {
    if (Files.isDirectory(path)) {
      if (Files.isRegularFile(path.resolve(FILE_NAME))) {
        return open(path.resolve(FILE_NAME));
      }
      if (Files.isRegularFile(path.resolve(INDEX_NAME))) {
        return open(path.resolve(INDEX_NAME));
      }
      throw new SafetensorsException(path + " holds neither " + FILE_NAME + " nor " + INDEX_NAME);
    }
    if (!Files.isRegularFile(path)) {
      throw new SafetensorsException("safetensors checkpoint not found: " + path);
    }
    if (path.getFileName().toString().endsWith(".json")) {
      return openIndex(path);
    }
    SafetensorsFile file = SafetensorsFile.open(path);
    Map<String, SafetensorsFile> fileOf = new LinkedHashMap<>();
    file.tensors().keySet().forEach(name -> fileOf.put(name, file));
    return new SafetensorsCheckpoint(path, fileOf);
  }

  private static SafetensorsCheckpoint openIndex(Path index) {
    JsonNode weightMap;
    try {
      weightMap = new ObjectMapper().readTree(index.toFile()).get("weight_map");
    } catch (IOException e) {
      throw new SafetensorsException(index + ": not valid JSON: " + e.getMessage(), e);
    }
    if (weightMap == null || !weightMap.isObject()) {
      throw new SafetensorsException(index + ": no \"weight_map\" object (tensor name to file name)");
    }
    Map<String, SafetensorsFile> shards = new LinkedHashMap<>();
    Map<String, SafetensorsFile> fileOf = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = weightMap.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String shardName = entry.getValue().asText();
      Path shardPath = index.resolveSibling(shardName);
      if (!Files.isRegularFile(shardPath)) {
        throw new SafetensorsException(
            index + ": weight_map puts " + entry.getKey() + " in " + shardName + ", which is missing");
      }
      SafetensorsFile shard = shards.computeIfAbsent(shardName, n -> SafetensorsFile.open(shardPath));
      if (!shard.tensors().containsKey(entry.getKey())) {
        throw new SafetensorsException(
            index + ": weight_map puts " + entry.getKey() + " in " + shardName + ", which does not hold it");
      }
      fileOf.put(entry.getKey(), shard);
    }
    return new SafetensorsCheckpoint(index, fileOf);
  }

  /** The file or index that was opened. */
  public Path source() {
    return source;
  }

  /** Every tensor, by name. */
  public Map<String, TensorInfo> tensors() {
    return tensors;
  }

  /** Reads tensor {@code name} as float32 (F16, BF16 and F64 converted). */
  public FloatTensor read(String name) {
    SafetensorsFile file = fileOf.get(name);
    if (file == null) {
      throw new SafetensorsException(source + ": no tensor '" + name + "'");
    }
    return file.read(name);
  }
}

package org.bertfit.models.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bertfit.models.BertConfig;
import org.bertfit.models.checkpoint.Checkpoint;
import org.bertfit.models.checkpoint.CheckpointNaming.Target;
import org.bertfit.models.checkpoint.CheckpointVariable;
import org.bertfit.models.files.AtomicWrite;
import org.bertfit.models.io.ModelDirectory;
import org.bertfit.models.hub.HubNames;
import org.bertfit.models.safetensors.FloatTensor;
import org.bertfit.models.safetensors.SafetensorsCheckpoint;
import org.bertfit.models.safetensors.SafetensorsWriter;

/**
 * Writes a model in the Hugging Face Hub's layout, atomically: {@code config.json} (transformers'
 * fields for its model type, id2label), {@code model.safetensors} (PyTorch names, Linear weights
 * {@code [out, in]}, float32) and {@code tokenizer.json} (plus {@code vocab.txt} and a multi-label
 * model's {@code thresholds.json} when it has them), so that {@code from_pretrained(DIR)} loads it.
 */
public final class HubExport {
  private static final String THRESHOLDS = "thresholds.json";

  private HubExport() {}

  /** Exports the model of a bertfit model directory (its weights read from the checkpoint in Java). */
  public static void write(ModelDirectory source, Path out, boolean replace) {
    Checkpoint checkpoint = source.checkpoint();
    Map<String, FloatTensor> parameters = new LinkedHashMap<>();
    for (CheckpointVariable v : checkpoint.variables().values()) {
      parameters.put(v.name(), checkpoint.read(v));
    }
    Path vocab = source.dir().resolve(ModelDirectory.VOCAB);
    Path thresholds = source.dir().resolve(THRESHOLDS);
    AtomicWrite.directory(
        out,
        replace,
        dir -> {
          fill(dir, source.config(), parameters, source.tokenizerJsonText(), Files.isRegularFile(vocab) ? vocab : null);
          if (Files.isRegularFile(thresholds)) {
            Files.copy(thresholds, dir.resolve(THRESHOLDS));
          }
        });
  }

  /**
   * Exports {@code parameters} (bertfit names, as {@code Model.weights()} gives them) with their
   * config and tokenizer.
   *
   * @param vocab a {@code vocab.txt} to copy, or null
   */
  public static void write(
      Path out, BertConfig config, Map<String, FloatTensor> parameters, String tokenizerJson, Path vocab,
      boolean replace) {
    AtomicWrite.directory(out, replace, dir -> fill(dir, config, parameters, tokenizerJson, vocab));
  }

  private static void fill(
      Path dir, BertConfig config, Map<String, FloatTensor> parameters, String tokenizerJson, Path vocab)
      throws java.io.IOException {
    Map<String, FloatTensor> tensors = new LinkedHashMap<>();
    parameters.forEach(
        (name, value) -> {
          Target hub = HubNames.toHub(name, config.modelType());
          tensors.put(hub.name(), hub.transposed() ? value.transpose() : value);
        });
    SafetensorsWriter.write(dir.resolve(SafetensorsCheckpoint.FILE_NAME), tensors);
    // transformers would not apply a calibration temperature: leave it out rather than mislead.
    String hubConfig = config.toBuilder().temperatures(List.of()).build().toJson();
    Files.writeString(dir.resolve(ModelDirectory.CONFIG), hubConfig, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(ModelDirectory.TOKENIZER), tokenizerJson, StandardCharsets.UTF_8);
    if (vocab != null) {
      Files.copy(vocab, dir.resolve(ModelDirectory.VOCAB), StandardCopyOption.REPLACE_EXISTING);
    }
  }
}

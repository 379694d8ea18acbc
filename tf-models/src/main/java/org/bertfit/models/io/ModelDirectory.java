package org.bertfit.models.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.bertfit.models.BertConfig;
import org.bertfit.models.checkpoint.Checkpoint;
import org.bertfit.models.files.AtomicWrite;
import org.bertfit.models.graph.InferenceModel;
import org.bertfit.models.graph.ParameterStore;
import org.tensorflow.Session;

/**
 * A bertfit model directory: {@code config.json} (Hugging Face fields, with id2label),
 * {@code variables/variables.*} (a TensorFlow checkpoint under bertfit's variable names),
 * {@code tokenizer.json}, and {@code vocab.txt} when the model came with one.
 */
public record ModelDirectory(Path dir) {
  public static final String CONFIG = "config.json";
  public static final String TOKENIZER = "tokenizer.json";
  public static final String VOCAB = "vocab.txt";

  /** Whether {@code dir} looks like a bertfit model directory. */
  public static boolean isModelDirectory(Path dir) {
    return Files.isRegularFile(dir.resolve(CONFIG))
        && Files.isRegularFile(Path.of(checkpointPrefix(dir) + ".index"));
  }

  private static Path checkpointPrefix(Path dir) {
    return dir.resolve("variables").resolve("variables");
  }

  public Path checkpointPrefix() {
    return checkpointPrefix(dir);
  }

  public Path configJson() {
    return dir.resolve(CONFIG);
  }

  public Path tokenizerJson() {
    return dir.resolve(TOKENIZER);
  }

  public BertConfig config() {
    return BertConfig.read(configJson());
  }

  public Checkpoint checkpoint() {
    return Checkpoint.open(checkpointPrefix());
  }

  /**
   * Writes {@code model}'s config and weights with its tokenizer to {@code target}, atomically.
   *
   * @param vocab the {@code vocab.txt} to copy, or {@code null}
   * @param tokenizerJson the tokenizer.json text
   * @param replace whether an existing directory is replaced
   */
  public static ModelDirectory write(
      Path target, InferenceModel model, Path vocab, String tokenizerJson, boolean replace) {
    AtomicWrite.directory(
        target,
        replace,
        dir -> fill(dir, model.config(), model.parameters(), model.session(), vocab, tokenizerJson));
    return new ModelDirectory(target);
  }

  /**
   * Writes a model directory's files into {@code dir} (not atomically: for use inside {@link
   * AtomicWrite#directory}, e.g. by training checkpoints that add files of their own).
   */
  public static void fill(
      Path dir, BertConfig config, ParameterStore parameters, Session session, Path vocab,
      String tokenizerJson) throws IOException {
    Files.writeString(dir.resolve(CONFIG), config.toJson(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(TOKENIZER), tokenizerJson, StandardCharsets.UTF_8);
    if (vocab != null) {
      Files.copy(vocab, dir.resolve(VOCAB), StandardCopyOption.REPLACE_EXISTING);
    }
    Files.createDirectories(dir.resolve("variables"));
    parameters.save(session, checkpointPrefix(dir));
  }

  /** Reads tokenizer.json (for copying into exports). */
  /**
   * Replaces {@code config.json} with {@code config}, atomically: written beside it, then renamed
   * over it, so a reader sees the old configuration or the new one.
   */
  public void replaceConfig(BertConfig config) {
    AtomicWrite.text(configJson(), config.toJson());
  }

  public String tokenizerJsonText() throws IOException {
    return Files.readString(tokenizerJson(), StandardCharsets.UTF_8);
  }
}

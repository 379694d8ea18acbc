package org.bertfit.models.export;

import org.bertfit.models.io.PretrainedModel;
import org.bertfit.models.io.ModelDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.bertfit.datasets.Task;
import org.bertfit.evaluation.LabelSet;
import org.bertfit.evaluation.Thresholds;
import org.bertfit.models.BertConfig;
import org.bertfit.models.ClassifierPooling;
import org.bertfit.models.checkpoint.Checkpoint;
import org.bertfit.models.checkpoint.WeightSource;

/**
 * What prediction needs from a saved classifier (of texts or of tokens): its configuration (with id2label), weights,
 * tokenizer and, for multi-label models, decision thresholds. Reads a bertfit model directory, a
 * SavedModel exported by bertfit ({@code assets/config.json}, {@code assets/tokenizer.json}), or TF
 * Serving's model base path holding numbered versions of one (the highest is used).
 *
 * @param thresholds the multi-label thresholds ({@code thresholds.json}, else 0.5 for every label);
 *     null for a single-label model
 * @param fingerprint a digest of the configuration, the checkpoint index (which holds every
 *     tensor's checksum) and the thresholds: equal fingerprints mean the same predictions
 */
public record ModelFiles(
    Path dir,
    BertConfig config,
    WeightSource checkpoint,
    String tokenizerJson,
    Thresholds thresholds,
    String fingerprint) {
  /**
   * Opens the classifier in {@code dir}.
   *
   * @throws IllegalArgumentException naming what is missing
   */
  public static ModelFiles open(Path dir) {
    Path model = latestVersion(dir);
    Path configJson =
        firstExisting(
                model.resolve(ModelDirectory.CONFIG),
                model.resolve(ServingExport.ASSETS).resolve(ModelDirectory.CONFIG))
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        dir
                            + " is not a bertfit model: it has no config.json (bertfit model"
                            + " directory) or assets/config.json (bertfit export)"));
    BertConfig config = BertConfig.read(configJson);
    PretrainedModel files = PretrainedModel.open(model, config);
    Thresholds thresholds =
        config.problemType() == Task.MULTI_LABEL
            ? thresholds(model, config)
            : null;
    String fingerprint =
        digest(configJson, weightsFile(files.checkpoint()), thresholds);
    return new ModelFiles(
        model, config, files.checkpoint(), files.tokenizerJson(), thresholds, fingerprint);
  }

  /** The file that identifies the weights: a checkpoint's index, or the safetensors file or index. */
  private static Path weightsFile(WeightSource weights) {
    return weights instanceof Checkpoint c ? Path.of(c.prefix() + ".index") : weights.location();
  }

  /** The model's {@code thresholds.json} (beside config.json or in assets/), else {@value Thresholds#DEFAULT} each. */
  private static Thresholds thresholds(Path model, BertConfig config) {
    Optional<Path> file =
        firstExisting(
            model.resolve(ServingExport.THRESHOLDS),
            model.resolve(ServingExport.ASSETS).resolve(ServingExport.THRESHOLDS));
    return LabelThresholds.resolve(
        config, file.map(ModelFiles::thresholds).orElse(null), file.map(Path::toString).orElse(""));
  }

  /**
   * The same model with {@code value} as every label's threshold instead of its {@code
   * thresholds.json} (to report a multi-label model at the default beside its tuned thresholds).
   *
   * @throws IllegalArgumentException for a model that is not multi-label
   */
  public ModelFiles withThreshold(double value) {
    if (!multiLabel()) {
      throw new IllegalArgumentException(
          "a threshold is for multi-label models; " + dir + " is " + BertConfig.problemTypeName(config.problemType()));
    }
    Thresholds uniform = Thresholds.uniform(LabelSet.of(config.labels()), value);
    MessageDigest sha = sha256();
    sha.update(fingerprint.getBytes(StandardCharsets.UTF_8));
    sha.update(Arrays.toString(uniform.values()).getBytes(StandardCharsets.UTF_8));
    return new ModelFiles(dir, config, checkpoint, tokenizerJson, uniform, hex(sha));
  }

  /**
   * The same encoder with its head reading {@code pooling} (a token classifier's read as a text
   * classifier): what {@code bertfit embed} runs, fetching the head's input.
   */
  public ModelFiles withPooling(ClassifierPooling pooling) {
    BertConfig.Builder b = config.toBuilder().classifierPooling(pooling);
    if (tokenClassification()) {
      b.problemType(Task.SINGLE_LABEL);
    }
    MessageDigest sha = sha256();
    sha.update((fingerprint + " pooling " + pooling.jsonName()).getBytes(StandardCharsets.UTF_8));
    return new ModelFiles(dir, b.build(), checkpoint, tokenizerJson, thresholds, hex(sha));
  }

  /** Whether the model predicts a set of labels (sigmoid per label) rather than one. */
  public boolean multiLabel() {
    return config.problemType() == Task.MULTI_LABEL;
  }

  /** Whether the model tags words (token classification) rather than classifying texts. */
  public boolean tokenClassification() {
    return config.problemType() == Task.TOKEN_CLASSIFICATION;
  }

  /** The label names in id order. */
  public List<String> labels() {
    return config.labels();
  }

  /** {@code dir}, or its highest numbered version when it is a TF Serving model base path. */
  private static Path latestVersion(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + ": no such directory");
    }
    if (Files.isRegularFile(dir.resolve(ModelDirectory.CONFIG))
        || Files.isRegularFile(dir.resolve("saved_model.pb"))) {
      return dir;
    }
    long version = ModelVersions.highest(dir);
    return version > 0 ? dir.resolve(Long.toString(version)) : dir;
  }

  private static Optional<Path> firstExisting(Path... candidates) {
    return Stream.of(candidates).filter(Files::isRegularFile).findFirst();
  }

  private static String digest(Path configJson, Path checkpointIndex, Thresholds thresholds) {
    MessageDigest sha = sha256();
    for (Path file : List.of(configJson, checkpointIndex)) {
      try {
        sha.update(Files.readAllBytes(file));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    if (thresholds != null) {
      sha.update(Arrays.toString(thresholds.values()).getBytes(StandardCharsets.UTF_8));
    }
    return hex(sha);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first 16 bytes of the digest, in hex: a fingerprint. */
  private static String hex(MessageDigest sha) {
    return HexFormat.of().formatHex(sha.digest(), 0, 16);
  }

  private static Thresholds thresholds(Path file) {
    try {
      return Thresholds.load(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}

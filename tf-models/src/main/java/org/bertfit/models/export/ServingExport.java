package org.bertfit.models.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.bertfit.evaluation.Thresholds;
import org.bertfit.models.BertConfig;
import org.bertfit.models.checkpoint.ImportReport;
import org.bertfit.models.files.AtomicWrite;
import org.bertfit.models.graph.InferenceModel;
import org.bertfit.models.io.ModelDirectory;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Signature;

/**
 * Exports a bertfit model as a SavedModel that TF Serving serves: written to {@code BASE/VERSION/}
 * through a hidden temporary directory renamed into place ({@link AtomicWrite}), so a crash
 * leaves no partial version and never loses the previous one; each export first repairs what
 * interrupted exports left under {@code BASE}.
 *
 * <pre>{@code
 * ExportedModel exported = ServingExport.export(
 *     new ModelDirectory(Path.of("models/sentiment")), Path.of("saved_models/sentiment"),
 *     ExportOptions.nextVersion());
 * }</pre>
 */
public final class ServingExport {
  /** The signature with {@code logits} and {@code probabilities}. */
  public static final String SERVING_DEFAULT = Signature.DEFAULT_KEY;

  /** The signature with {@code labels} and {@code scores}. */
  public static final String CLASSIFY = "classify";

  /**
   * The signature that takes raw text ({@code text}) and tokenizes it in the graph: outputs {@code
   * probabilities}, {@code logits}, {@code labels} (strings), {@code input_ids}, {@code
   * attention_mask}.
   */
  public static final String TEXT = TextSignature.TEXT;

  /** As {@link #TEXT}, with a second input {@code text_pair}: the second texts of pairs. */
  public static final String TEXT_PAIR = TextSignature.TEXT_PAIR;

  /** The ids signature's name when the text one is {@code serving_default}. */
  public static final String IDS = "ids";

  /** Every signature's method: callable through TF Serving's Predict API. */
  public static final String PREDICT_METHOD = "tensorflow/serving/predict";

  /**
   * Output keys: {@code serving_default} has logits and probabilities, {@code classify} the rest.
   */
  public static final String LOGITS = "logits";

  public static final String PROBABILITIES = "probabilities";
  public static final String LABELS = "labels";
  public static final String SCORES = "scores";

  /**
   * Per-label thresholds of a multi-label model, in a model directory and in an export's assets.
   */
  public static final String THRESHOLDS = "thresholds.json";

  /** Where an export keeps its tokenizer.json, config.json and thresholds.json. */
  public static final String ASSETS = "assets";

  private ServingExport() {}

  /**
   * Exports the model of a bertfit model directory, with its {@code tokenizer.json} and, for a
   * multi-label model, its {@code thresholds.json} ({@value org.bertfit.evaluation.Thresholds#DEFAULT} for every label when absent).
   *
   * @param base the model base path TF Serving is pointed at, e.g. {@code saved_models/NAME}
   */
  public static ExportedModel export(ModelDirectory source, Path base, ExportOptions options) {
    Path thresholdsFile = source.dir().resolve(THRESHOLDS);
    Thresholds thresholds = Files.exists(thresholdsFile) ? readThresholds(thresholdsFile) : null;
    try (InferenceModel model = InferenceModel.create(source.config())) {
      ImportReport report = model.load(source.checkpoint(), 0);
      if (!report.newlyInitialized().isEmpty()) {
        throw new IllegalArgumentException(
            source.dir()
                + ": the checkpoint has no values for "
                + String.join(", ", report.newlyInitialized()));
      }
      return write(
          model, tokenizerJson(source), thresholds, thresholdsFile.toString(), base, options);
    }
  }

  /**
   * Exports a live model with its tokenizer.
   *
   * @param tokenizerJson the text of the model's {@code tokenizer.json}
   * @param thresholds a multi-label model's thresholds, or {@code null} ({@value org.bertfit.evaluation.Thresholds#DEFAULT} for every label)
   */
  public static ExportedModel export(
      InferenceModel model,
      String tokenizerJson,
      Thresholds thresholds,
      Path base,
      ExportOptions options) {
    return write(model, tokenizerJson, thresholds, "thresholds", base, options);
  }

  /**
   * Runs after the graph and the weights are written, before the assets: a test holds a killed
   * export there.
   */
  static volatile Runnable beforeAssets = () -> {};

  private static ExportedModel write(
      InferenceModel model,
      String tokenizerJson,
      Thresholds given,
      String thresholdsSource,
      Path base,
      ExportOptions options) {
    Thresholds thresholds = LabelThresholds.resolve(model.config(), given, thresholdsSource);
    AtomicWrite.recover(base); // a version set aside by an interrupted --force comes back first
    Path target = ModelVersions.target(base, options.version());
    AtomicWrite.directory(
        target,
        options.force(),
        dir -> {
          Optional<TextSignature> text =
              TextSignature.create(
                  model, tokenizerJson, thresholds, maxLength(model.config(), options));
          SavedModelBundle.Exporter savedModel =
              SavedModelBundle.exporter(dir.toString()).withSession(model.session());
          ServingSignatures.create(model, thresholds, text, options.defaultSignature())
              .forEach(savedModel::withSignature);
          savedModel.export();
          if (text.isPresent()) {
            MainOp.set(dir, TextSignature.TABLES_INITIALIZED);
          }
          beforeAssets.run();
          Path assets = Files.createDirectory(dir.resolve(ASSETS));
          Files.writeString(
              assets.resolve(ModelDirectory.CONFIG),
              model.config().toJson(),
              StandardCharsets.UTF_8);
          if (thresholds != null) {
            Files.writeString(assets.resolve(THRESHOLDS), thresholds.toJson(), StandardCharsets.UTF_8);
          }
          Files.writeString(
              assets.resolve(ModelDirectory.TOKENIZER), tokenizerJson, StandardCharsets.UTF_8);
        });
    return ExportedModel.read(target);
  }

  /**
   * The text signature's truncation length: the option, at most the model's positions; by default
   * {@value ExportOptions#DEFAULT_MAX_LENGTH} or the positions when fewer.
   */
  static int maxLength(BertConfig config, ExportOptions options) {
    int positions = config.maxPositionEmbeddings();
    if (options.maxLength().isEmpty()) {
      return Math.min(ExportOptions.DEFAULT_MAX_LENGTH, positions);
    }
    int maxLength = options.maxLength().getAsInt();
    config.requireMaxLength(maxLength);
    return maxLength;
  }

  private static String tokenizerJson(ModelDirectory source) {
    try {
      return source.tokenizerJsonText();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read " + source.tokenizerJson() + ": " + e.getMessage(), e);
    }
  }

  private static Thresholds readThresholds(Path file) {
    try {
      return Thresholds.load(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}

package org.bertfit.cli;

import java.nio.file.Path;
import org.bertfit.inference.Classifier;
import org.bertfit.inference.Predictor;
import org.bertfit.models.export.ModelFiles;
import picocli.CommandLine.Mixin;
import org.bertfit.evaluation.Thresholds;
import org.bertfit.models.device.SessionOptions;
import picocli.CommandLine.Option;

/** The model and batching options of {@code predict} and {@code evaluate} ({@code @Mixin}). */
public final class PredictModelOptions {
  private static final int DEFAULT_MAX_LENGTH = 128;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "DIR",
      description =
          "A bertfit model directory, or a SavedModel that bertfit exported (given its TF Serving"
              + " base path, the highest version)")
  Path model;

  @Mixin BatchSizeOption batch;

  @Option(
      names = "--max-length",
      paramLabel = "N",
      description =
          "Tokens a text at most, special tokens included; longer texts are truncated (default:"
              + " 128, or the model's positions if fewer)")
  Integer maxLength;

  @Option(
      names = "--threshold",
      paramLabel = "T",
      description =
          "Multi-label: this threshold for every label instead of the model's thresholds.json"
              + " (default: thresholds.json when the model has one, else " + Thresholds.DEFAULT + ")")
  Double threshold;

  /** The model as given by {@code --model}. */
  public Path model() {
    return model;
  }

  /** Texts a session run ({@code --batch-size}). */
  public int batchSize() {
    return batch.batchSize();
  }

  /** Tokens a text at most: {@code --max-length}, else 128 or the model's positions if fewer. */
  public int maxLength(ModelFiles files) {
    int positions = files.config().maxPositionEmbeddings();
    return maxLength != null ? maxLength : Math.min(DEFAULT_MAX_LENGTH, positions);
  }

  ModelFiles files() {
    ModelFiles files = ModelFiles.open(model);
    return threshold == null ? files : files.withThreshold(threshold);
  }

  Classifier classifier(ModelFiles files, SessionOptions session) {
    return Classifier.open(files, maxLength(files), session);
  }

  Predictor predictor(Classifier classifier) {
    return new Predictor(classifier, batchSize(), Predictor.WINDOW_BATCHES);
  }
}

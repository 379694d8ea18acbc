package org.bertfit.cli;

import java.io.PrintWriter;
import org.bertfit.inference.Classifier;
import org.bertfit.models.export.ModelFiles;
import org.bertfit.inference.Predictor;
import picocli.CommandLine.Mixin;

/**
 * The model that {@code predict}, {@code evaluate} and {@code embed} run in this process, and where
 * ({@code @Mixin}): the {@link PredictModelOptions}, the {@link DeviceOptions} and the {@link PrecisionOption}.
 */
final class LocalModelOptions {
  @Mixin PredictModelOptions model;

  @Mixin DeviceOptions device;

  @Mixin PrecisionOption precision;

  /** The model files, with {@code --threshold} when given. */
  ModelFiles files() {
    return model.files();
  }

  /** The classifier of {@code files} on the chosen device and precision, the device announced on {@code err}. */
  Classifier classifier(ModelFiles files, PrintWriter err) {
    return model.classifier(files, precision.applyTo(device.session(err)));
  }

  /** A predictor batching as {@code --batch-size} says. */
  Predictor predictor(Classifier classifier) {
    return model.predictor(classifier);
  }
}

package org.bertfit.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.bertfit.datasets.Task;
import org.bertfit.datasets.io.DatasetReader;
import org.bertfit.datasets.io.ReadOptions;
import org.bertfit.models.BertConfig;
import org.bertfit.models.export.ModelFiles;
import org.bertfit.training.Model;
import org.bertfit.training.TemperatureCalibration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bertfit calibrate}: temperature scaling fitted on validation data, saved in the model's config. */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    versionProvider = BertfitCommand.Version.class,
    description = {
      "Fits the temperature that divides the logits before softmax (one per label, before sigmoid,"
          + " for multi-label) on labelled validation data, writes it to the model's config.json"
          + " (replaced atomically) and prints the validation ECE and Brier score before and after."
          + " predict, evaluate, Spark and bertfit export then apply it; --format huggingface leaves it out.",
      "Example: bertfit calibrate --model models/emotion --data emotion/validation.txt"
    })
public final class CalibrateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin PredictModelOptions model;

  @Mixin LabelledDataOptions data;

  @Override
  public Integer call() throws IOException {
    ModelFiles files = model.files();
    BertConfig config = files.config();
    TemperatureCalibration.requireTextClassifier(config);
    ReadOptions options = data.readOptions();
    if (config.problemType() == Task.MULTI_LABEL) {
      options = options.toBuilder().multiLabel(true).build();
    }
    int maxLength = model.maxLength(files);
    try (Model loaded = Model.load(model.model())) {
      Calibrate.run(loaded, model.model(), DatasetReader.read(data.path(), options), maxLength, model.batchSize(),
          spec.commandLine().getOut());
    }
    return 0;
  }
}

package org.bertfit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.bertfit.datasets.Task;
import org.bertfit.evaluation.LabelSet;
import org.bertfit.evaluation.ThresholdTuner;
import org.bertfit.evaluation.Thresholds;
import org.bertfit.models.BertConfig;
import org.bertfit.models.export.ServingExport;
import org.bertfit.models.files.AtomicWrite;
import org.bertfit.training.Evaluation;

/**
 * Chooses per-label thresholds on a multi-label model's validation scores, saves them as the model
 * directory's thresholds.json and names the labels that kept the default for want of positives:
 * what {@code train --tune-thresholds} and {@code bertfit thresholds} both do.
 */
final class ThresholdTuning {
  private ThresholdTuning() {}

  static void requireMultiLabel(BertConfig config, String what) {
    if (config.problemType() != Task.MULTI_LABEL) {
      throw new IllegalArgumentException(what + " is for multi-label models; this one is "
          + config.problemType().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
  }

  static Thresholds tuneAndSave(
      Evaluation validation, BertConfig config, double untunedThreshold, int minPositives, Path modelDir,
      PrintWriter out) throws IOException {
    ThresholdTuner tuner = new ThresholdTuner(untunedThreshold, minPositives);
    LabelSet labels = LabelSet.of(config.labels());
    Thresholds thresholds = tuner.tune(validation.scores(), labels);
    List<String> untuned = tuner.untuned(validation.scores(), labels);
    if (!untuned.isEmpty()) {
      out.printf("thresholds: %d of %d labels have fewer than %d validation positives and keep %s: %s%n",
          untuned.size(), labels.size(), minPositives, untunedThreshold, String.join(", ", untuned));
    }
    AtomicWrite.text(modelDir.resolve(ServingExport.THRESHOLDS), thresholds.toJson());
    return thresholds;
  }
}

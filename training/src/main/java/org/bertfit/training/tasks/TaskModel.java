package org.bertfit.training.tasks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.bertfit.datasets.Dataset;
import org.bertfit.datasets.EncodedDataset;
import org.bertfit.datasets.Example;
import org.bertfit.datasets.Task;
import org.bertfit.datasets.io.DatasetReader;
import org.bertfit.datasets.io.SkipReport;
import org.bertfit.datasets.labels.LabelEncoder;
import org.bertfit.datasets.tokenize.BertTokenizer;
import org.bertfit.datasets.tokenize.SubTokenLabels;
import org.bertfit.evaluation.LabelDecoder;
import org.bertfit.evaluation.LabelSet;
import org.bertfit.evaluation.Thresholds;
import org.bertfit.models.BertConfig;
import org.bertfit.models.export.ExportOptions;
import org.bertfit.models.export.ExportedModel;
import org.bertfit.models.export.ServingExport;
import org.bertfit.models.files.AtomicWrite;
import org.bertfit.models.files.FileTree;
import org.bertfit.models.io.ModelDirectory;
import org.bertfit.models.io.PretrainedModel;
import org.bertfit.models.io.PretrainedSource;
import org.bertfit.training.Callback;
import org.bertfit.training.Evaluation;
import org.bertfit.training.FitConfig;
import org.bertfit.training.History;
import org.bertfit.training.Model;
import org.bertfit.training.Predictions;

/**
 * What the task classifiers share: a compiled {@link Model} with its labels and options, and the
 * steps from files or texts to encoded data, training, evaluation, predictions and exports.
 */
final class TaskModel implements AutoCloseable {
  private final String pretrained;
  private final Task problem;
  private final TaskOptions options;
  /** Null until the labels are known: given, or read from the first training data. */
  private Model model;
  private LabelEncoder labels;

  /**
   * @param pretrained a short name, path or Maven coordinates
   * @param labels the labels, or null to take them from the first training data
   */
  TaskModel(String pretrained, List<String> labels, Task problem, TaskOptions options) {
    this.pretrained = pretrained;
    this.problem = problem;
    this.options = options;
    if (labels != null) {
      open(LabelEncoder.of(labels));
    }
  }

  /** Opens the pretrained model with a new head for {@code labels}, compiled. */
  private void open(LabelEncoder labels) {
    BertConfig head = BertConfig.builder().labels(labels.names()).problemType(problem).build();
    PretrainedModel source = PretrainedModel.open(PretrainedSource.defaults().resolve(pretrained), head);
    Model opened = Model.fromPretrained(source, options.fit().seed(), options.session());
    try {
      opened.compile(options.optimizer(), TaskDefaults.loss(problem), TaskDefaults.metrics(problem));
    } catch (RuntimeException e) {
      opened.close();
      throw e;
    }
    this.model = opened;
    this.labels = labels;
  }

  Dataset read(Path file) {
    return DatasetReader.read(file, options.read());
  }

  /** Trains on {@code train}; evaluates on {@code validation} (may be null) after each epoch. */
  History fit(Dataset train, Dataset validation) {
    if (model == null) {
      open(LabelEncoder.fit(train));
    }
    FitConfig fit = validation == null ? TaskDefaults.withoutValidation(options.fit()) : options.fit();
    if (options.balancedClassWeights()) {
      model.compile(options.optimizer(), TaskDefaults.balancedLoss(problem, train, labels), TaskDefaults.metrics(problem));
    }
    EncodedDataset validationSet = validation == null ? null : encode(validation);
    return model.fit(encode(train), validationSet, fit, options.callbacks().toArray(Callback[]::new));
  }

  Evaluation evaluate(Dataset data) {
    return model().evaluate(encode(data), options.fit().evalBatchSize(), options.fit().threshold());
  }

  /**
   * What the model says about each of {@code texts}, in order, read by {@code read} from the text
   * as an example and its decided labels; a token classifier's of each text's words (as the
   * tokenizer splits them), each word read at its first sub-token.
   */
  <T> List<T> predict(List<String> texts, BiFunction<Example, LabelDecoder.Decision, T> read) {
    boolean tagging = problem == Task.TOKEN_CLASSIFICATION;
    List<Example> examples = new ArrayList<>(texts.size());
    EncodedDataset encoded;
    try (BertTokenizer tokenizer = model().tokenizer(options.maxLength())) {
      for (String text : texts) {
        List<String> words = tagging ? tokenizer.words(text) : List.of();
        examples.add(new Example(text, null, words, List.of(), examples.size() + 1));
      }
      Task task = tagging ? Task.TOKEN_CLASSIFICATION : Task.SINGLE_LABEL;
      encoded = EncodedDataset.encodeTexts(new Dataset("texts", task, false, examples, List.of(), SkipReport.NONE), tokenizer);
    }
    Predictions predictions = model().predict(encoded, options.fit().evalBatchSize());
    LabelDecoder decoder = decoder();
    List<T> out = new ArrayList<>(examples.size());
    for (int i = 0; i < examples.size(); i++) {
      Example e = examples.get(i);
      int[] firstTokens = tagging ? SubTokenLabels.firstTokens(encoded.wordIds(i), e.words().size()) : null;
      out.add(read.apply(e, decoder.decode(predictions.probabilities()[i], firstTokens)));
    }
    return out;
  }

  /** Writes a bertfit model directory, atomically (multi-label: with the decision thresholds). */
  ModelDirectory save(Path dir) {
    Model trained = model();
    Thresholds thresholds = thresholds();
    AtomicWrite.directory(dir, false, temp -> {
      trained.save(temp, true);
      if (thresholds != null) {
        Files.writeString(temp.resolve(ServingExport.THRESHOLDS), thresholds.toJson());
      }
    });
    return new ModelDirectory(dir);
  }

  /** Exports the next version of a SavedModel for TF Serving under {@code base}, atomically. */
  ExportedModel export(Path base) {
    return model().export(base, ExportOptions.nextVersion(), thresholds());
  }

  List<String> labels() {
    model();
    return labels.names();
  }

  /** The model; an error before the labels are known. */
  Model model() {
    if (model == null) {
      throw new IllegalStateException(
          "the labels are not known yet: fit first, or give them to fromPretrained");
    }
    return model;
  }

  private EncodedDataset encode(Dataset data) {
    try (BertTokenizer tokenizer = model().tokenizer(options.maxLength())) {
      return EncodedDataset.encode(data, tokenizer, labels, options.alignment());
    }
  }

  private LabelDecoder decoder() {
    Thresholds thresholds = thresholds();
    return thresholds != null ? LabelDecoder.thresholds(thresholds) : LabelDecoder.argmax(labels.size());
  }

  /** A multi-label model's decision thresholds (the fit config's, for every label), else null. */
  private Thresholds thresholds() {
    return problem == Task.MULTI_LABEL
        ? Thresholds.uniform(LabelSet.of(labels.names()), options.fit().threshold())
        : null;
  }

  @Override
  public void close() {
    if (model != null) {
      model.close();
    }
  }
}

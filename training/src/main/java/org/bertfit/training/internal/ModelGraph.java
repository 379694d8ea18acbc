package org.bertfit.training.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bertfit.datasets.Task;
import org.bertfit.models.BertConfig;
import org.bertfit.models.device.DeviceReport;
import org.bertfit.models.graph.BatchRunner;
import org.bertfit.models.graph.BertClassifier;
import org.bertfit.models.graph.BertInputs;
import org.bertfit.models.graph.ClassifierOutputs;
import org.bertfit.models.graph.Initializer;
import org.bertfit.models.graph.Mode;
import org.bertfit.models.graph.Parameter;
import org.bertfit.models.graph.ParameterStore;
import org.bertfit.models.device.SessionOptions;
import org.bertfit.models.device.Sessions;
import org.bertfit.models.graph.VariableSaver;
import org.bertfit.training.losses.Loss;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TType;

/**
 * One graph and session holding a classifier's variables, its inference forward pass, and (once a
 * loss is set) its training forward pass with dropout, the losses, and the optimizer step counter.
 * Training ops are added by {@link TrainOps}.
 */
public final class ModelGraph implements AutoCloseable {
  private final BertConfig config;
  private final Graph graph;
  private final Session session;
  private final ParameterStore parameters;
  private final ParameterStore optimizerState;
  private final BertClassifier classifier;
  private final BertInputs inputs;
  private final ClassifierOutputs inference;
  private final Placeholder<TInt64> dropoutSeed;
  private final Variable<TInt64> step;
  private final DeviceReport device;
  private final BatchRunner runner;
  private BestWeights bestWeights;
  private Loss loss;
  private Operand<?> labels;
  private ClassifierOutputs training;
  private Operand<TFloat32> trainingLoss;
  private Operand<TFloat32> inferenceLoss;
  private Operand<TFloat32> inferencePerExample;

  public ModelGraph(BertConfig config, SessionOptions options) {
    this.config = config;
    this.graph = new Graph();
    try {
      parameters = new ParameterStore(graph);
      optimizerState = new ParameterStore(graph);
      classifier = BertClassifier.create(parameters, config);
      Ops tf = Ops.create(graph);
      inputs = BertInputs.placeholders(tf);
      inference = classifier.apply(tf, inputs, Mode.inference());
      dropoutSeed = tf.withName("dropout_seed").placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));
      step = tf.withName("global_step").variable(Shape.scalar(), TInt64.class);
      session = Sessions.open(graph, options);
      runner = new BatchRunner(session, inputs, config.problemType() == Task.TOKEN_CLASSIFICATION);
      session.run(tf.assign(step, tf.constant(0L)));
      device = DeviceReport.probe(options);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /** Adds the labels placeholder, the training forward pass and both losses (once). */
  public void setLoss(Loss newLoss) {
    if (loss != null) {
      if (!loss.equals(newLoss)) {
        throw new IllegalStateException("the model was compiled with another loss: " + loss);
      }
      return;
    }
    Task expected = config.problemType();
    if (newLoss.task() != expected) {
      throw new IllegalArgumentException(
          "loss " + newLoss + " is for " + newLoss.task() + " but the model's problem_type is "
              + BertConfig.problemTypeName(config.problemType()));
    }
    Ops tf = Ops.create(graph);
    labels =
        switch (expected) {
          case SINGLE_LABEL -> tf.withName("labels").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
          case MULTI_LABEL -> tf.withName("labels").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, config.numLabels())));
          case TOKEN_CLASSIFICATION -> tf.withName("labels").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1, -1)));
        };
    training = classifier.apply(tf, inputs, Mode.training(dropoutSeed));
    trainingLoss = newLoss.mean(tf, training.logits(), labels);
    inferenceLoss = newLoss.mean(tf, inference.logits(), labels);
    inferencePerExample = newLoss.perExample(tf, inference.logits(), labels);
    loss = newLoss;
  }

  /**
   * A float variable of the optimizer shaped like {@code p}, named {@code optimizer/PARAM/SLOT};
   * created once, and zero-initialised by {@link #resetOptimizer()}.
   */
  public Variable<TFloat32> slot(Parameter p, String name) {
    String full = "optimizer/" + p.name() + "/" + name;
    Parameter existing = optimizerState.get(full);
    if (existing != null) {
      return existing.variable();
    }
    return optimizerState.create(full, p.shape(), Initializer.ZEROS);
  }

  /** A fresh optimizer: every slot zeroed and the step counter back to 0. */
  public void resetOptimizer() {
    Ops tf = Ops.create(graph);
    session.run(optimizerState.initializer(tf, 0, 0));
    session.run(tf.assign(step, tf.constant(0L)));
  }

  /** Every variable that a training checkpoint must hold besides the model's: slots and the step. */
  public VariableSaver trainerStateSaver() {
    Map<String, Variable<? extends TType>> all = new LinkedHashMap<>();
    optimizerState.parameters().forEach(p -> all.put(p.name(), p.variable()));
    all.put("global_step", step);
    return new VariableSaver(graph, all);
  }

  /** The in-graph copy of the best weights (created on first use). */
  BestWeights bestWeights() {
    if (bestWeights == null) {
      bestWeights = new BestWeights(this);
    }
    return bestWeights;
  }

  /** The parameters that training updates (not the pooler under a token head, which never reads it). */
  public List<Parameter> trainable(boolean freezeEncoder) {
    boolean tokenHead = config.problemType() == Task.TOKEN_CLASSIFICATION;
    List<Parameter> out = new ArrayList<>();
    for (Parameter p : parameters.parameters()) {
      if (!(freezeEncoder && p.inEncoder()) && !(tokenHead && p.inPooler())) {
        out.add(p);
      }
    }
    return out;
  }

  public BertConfig config() { return config; }
  public Graph graph() { return graph; }
  public Session session() { return session; }
  /** Where the session runs, as TensorFlow reports it. */
  public DeviceReport device() { return device; }
  public ParameterStore parameters() { return parameters; }
  public BertInputs inputs() { return inputs; }
  public ClassifierOutputs inference() { return inference; }
  /** Runs batches through the inference forward pass ({@link #inference}). */
  public BatchRunner runner() { return runner; }
  public ClassifierOutputs training() { return training; }
  public Placeholder<TInt64> dropoutSeed() { return dropoutSeed; }
  public Variable<TInt64> step() { return step; }
  public Loss loss() { return loss; }
  public Operand<?> labels() { return labels; }
  public Operand<TFloat32> trainingLoss() { return trainingLoss; }
  public Operand<TFloat32> inferenceLoss() { return inferenceLoss; }
  public Operand<TFloat32> inferencePerExample() { return inferencePerExample; }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}

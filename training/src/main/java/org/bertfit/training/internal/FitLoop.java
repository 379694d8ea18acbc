package org.bertfit.training.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.bertfit.datasets.Batch;
import org.bertfit.datasets.BatchOptions;
import org.bertfit.datasets.EncodedDataset;
import org.bertfit.evaluation.LabelDecoder;
import org.bertfit.evaluation.LabelSet;
import org.bertfit.evaluation.Thresholds;
import org.bertfit.models.graph.BatchTensors;
import org.bertfit.models.graph.Floats;
import org.bertfit.training.Callback;
import org.bertfit.training.FitConfig;
import org.bertfit.training.History;
import org.bertfit.training.LogEntry;
import org.bertfit.training.Strategy;
import org.bertfit.training.metrics.Metric;
import org.bertfit.training.optimizers.LearningRateSchedule;
import org.bertfit.training.optimizers.Optimizer;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The training loop of {@code fit}: one session run per forward pass (forward, backward, clipping,
 * optimizer update), fed with prepared int32 tensors; logging, evaluation, checkpoints, early
 * stopping and the best weights at the configured intervals.
 */
public final class FitLoop {
  private static final Logger LOG = LogManager.getLogger();

  private final ModelGraph model;
  private final FitConfig config;
  private final List<Metric> metrics;
  private final List<Callback> callbacks;
  private final DatasetRunner evaluator;
  private final Path vocab;
  private final String tokenizerJson;
  private final DivergenceGuard guard;
  private final LabelSet labels;
  private final LabelDecoder decoder;

  public FitLoop(
      ModelGraph model, FitConfig config, List<Metric> metrics, List<Callback> callbacks,
      Path vocab, String tokenizerJson) {
    this.model = model;
    this.config = config;
    this.metrics = metrics;
    this.callbacks = callbacks;
    this.evaluator = new DatasetRunner(model);
    this.vocab = vocab;
    this.tokenizerJson = tokenizerJson;
    this.guard = new DivergenceGuard(model);
    this.labels = LabelSet.of(model.config().labels());
    this.decoder = evaluator.decoder(Thresholds.uniform(labels, config.threshold()).values());
  }

  /**
   * Whether a higher value of the monitored metric is better: as configured, else as the compiled
   * metric of that name says, else lower for a loss.
   */
  private boolean higherIsBetter() {
    String name = config.metricForBestModel().replaceFirst("^eval_", "");
    if (config.greaterIsBetter() == null) {
      for (Metric m : metrics) {
        if (m.name().equals(name)) {
          return m.higherIsBetter();
        }
      }
    }
    return config.higherIsBetter();
  }

  /**
   * Trains on {@code train}, validating on {@code validation} (may be null).
   *
   * @param resumeFrom a checkpoint to continue from, or null
   */
  public History run(
      Optimizer optimizer, EncodedDataset train, EncodedDataset validation, Path resumeFrom) {
    if (validation == null && (config.evalStrategy() != Strategy.NO && config.loadBestModelAtEnd())) {
      throw new IllegalArgumentException("load_best_model_at_end needs validation data");
    }
    BatchOptions options =
        BatchOptions.training(config.batchSize(), config.seed())
            .withBucketWindow(config.bucketWindow())
            .withPadToMultipleOf(config.padToMultipleOf());
    int k = config.gradientAccumulationSteps();
    long batchesPerEpoch = train.batchCount(options);
    long stepsPerEpoch = (batchesPerEpoch + k - 1) / k;
    long maxSteps = config.maxSteps() > 0 ? config.maxSteps() : config.epochs() * stepsPerEpoch;
    LearningRateSchedule schedule =
        new LearningRateSchedule(config.schedule(), config.learningRate(), config.warmupFor(maxSteps), maxSteps);
    TrainOps ops =
        new TrainOps(
            model, optimizer, model.trainable(config.freezeEncoder()), schedule, config.maxGradNorm(),
            config.weightDecay(), k);
    Checkpoints checkpoints = new Checkpoints(model);
    LoopState state = resumeFrom == null ? new LoopState() : checkpoints.restore(resumeFrom);
    if (resumeFrom == null) {
      model.resetOptimizer();
    }
    state.maxSteps = maxSteps;
    state.stepsPerEpoch = stepsPerEpoch;
    state.device = model.device().toMap();
    BestWeights best = config.loadBestModelAtEnd() ? model.bestWeights() : null;
    if (best != null && state.bestMetric != null) {
      best.loadFrom(resumeFrom.getParent().resolve(Checkpoints.PREFIX + state.bestStep));
    }
    Pass window = new Pass(metrics);
    LOG.info("{}", model.device().line());
    LOG.info(
        "training {} examples, {} steps ({} per epoch, batch {} x {} accumulation), {} trainable parameters",
        train.size(), maxSteps, stepsPerEpoch, config.batchSize(), k,
        model.trainable(config.freezeEncoder()).stream().mapToLong(p -> p.size()).sum());
    callbacks.forEach(c -> c.onTrainBegin(state));
    while (state.globalStep < maxSteps && !state.stopRequested()) {
      callbacks.forEach(c -> c.onEpochBegin(state));
      long batchIndex = 0;
      StepTotals step = new StepTotals();
      for (Batch batch : train.batches(options, state.epoch)) {
        if (batchIndex++ < state.batchesDoneInEpoch) {
          continue; // resumed run: this batch was trained on before the checkpoint
        }
        trainOn(batch, ops, state, window, step);
        state.batchesDoneInEpoch++;
        boolean lastOfEpoch = state.batchesDoneInEpoch == batchesPerEpoch;
        if (step.batches == k || lastOfEpoch) {
          finishStep(ops, state, step, window, validation, best, checkpoints);
          step = new StepTotals();
          if (state.globalStep >= maxSteps || state.stopRequested()) {
            break;
          }
        }
      }
      if (state.batchesDoneInEpoch == batchesPerEpoch) {
        state.epoch++;
        state.batchesDoneInEpoch = 0;
        if (config.evalStrategy() == Strategy.EPOCH && validation != null) {
          evaluate(state, validation, best, checkpoints);
        }
        if (config.saveStrategy() == Strategy.EPOCH) {
          save(state, checkpoints);
        }
        callbacks.forEach(c -> c.onEpochEnd(state));
      }
    }
    if (config.evalStrategy() != Strategy.NO && validation != null && !evaluatedLastStep(state)) {
      evaluate(state, validation, best, checkpoints); // the final weights are candidates too
    }
    guard.checkWeights(state, "at the end of training");
    if (best != null && state.bestMetric != null) {
      best.restore();
      LOG.info("restored the best weights: step {}, {} = {}", state.bestStep, config.metricForBestModel(), state.bestMetric);
    }
    callbacks.forEach(c -> c.onTrainEnd(state));
    return state.history();
  }

  /** Totals of the forward passes of the current optimizer step. */
  private static final class StepTotals {
    int batches;
    int examples;
    double lossSum;
    double gradientNorm = Double.NaN;
    double learningRate = Double.NaN;
  }

  private void trainOn(Batch batch, TrainOps ops, LoopState state, Pass window, StepTotals step) {
    boolean single = ops.accumulationSteps() == 1;
    try (BatchTensors inputs = new BatchTensors(batch.inputs());
        Tensor labels = Feeds.labels(batch.labels());
        TInt64 seed = TInt64.vectorOf(config.seed(), state.globalBatch)) {
      Session.Runner runner =
          inputs.feed(model.session().runner(), model.inputs())
              .feed(model.labels(), labels)
              .feed(model.dropoutSeed(), seed)
              .addTarget(ops.forwardBackward())
              .fetch(model.trainingLoss())
              .fetch(model.training().probabilities());
      if (single) {
        runner.fetch(ops.gradientNorm()).fetch(ops.learningRate());
      }
      long before = System.nanoTime();
      try (Result r = runner.run()) {
        state.sessionNanos += System.nanoTime() - before;
        double loss = ((TFloat32) r.get(0)).getFloat();
        guard.checkLoss(loss, batch, state);
        window.update(
            PredictionBatches.of(batch.labels(), Floats.of((TFloat32) r.get(1)), this.labels, decoder), loss);
        step.lossSum += loss;
        if (single) {
          step.gradientNorm = ((TFloat32) r.get(2)).getFloat();
          step.learningRate = ((TFloat32) r.get(3)).getFloat();
          guard.checkGradientNorm(step.gradientNorm, state);
        }
      }
    }
    step.batches++;
    step.examples += batch.size();
    state.globalBatch++;
  }

  private void finishStep(
      TrainOps ops, LoopState state, StepTotals step, Pass window,
      EncodedDataset validation, BestWeights best, Checkpoints checkpoints) {
    if (ops.accumulationSteps() > 1) {
      long before = System.nanoTime();
      try (Result r =
          model.session().runner()
              .addTarget(ops.applyAccumulated())
              .fetch(ops.gradientNorm())
              .fetch(ops.learningRate())
              .run()) {
        state.sessionNanos += System.nanoTime() - before;
        step.gradientNorm = ((TFloat32) r.get(0)).getFloat();
        step.learningRate = ((TFloat32) r.get(1)).getFloat();
      }
      guard.checkGradientNorm(step.gradientNorm, state);
    }
    state.globalStep++;
    state.learningRate(step.learningRate);
    double loss = step.lossSum / step.batches;
    callbacks.forEach(c -> c.onStepEnd(state, step.examples, loss, step.learningRate));
    if (config.loggingSteps() > 0 && state.globalStep % config.loggingSteps() == 0) {
      Map<String, Double> values = new LinkedHashMap<>(window.values());
      values.put("learning_rate", step.learningRate);
      values.put("grad_norm", step.gradientNorm);
      LogEntry entry = new LogEntry(state.globalStep, state.epochProgress(), "train", values);
      record(state, entry);
      callbacks.forEach(c -> c.onLog(state, entry));
      window.reset();
    }
    if (config.evalStrategy() == Strategy.STEPS && validation != null
        && state.globalStep % config.evalSteps() == 0) {
      evaluate(state, validation, best, checkpoints);
    }
    if (config.saveStrategy() == Strategy.STEPS && state.globalStep % config.saveSteps() == 0) {
      save(state, checkpoints);
    }
  }

  private void evaluate(
      LoopState state, EncodedDataset validation, BestWeights best, Checkpoints checkpoints) {
    guard.checkWeights(state, "before evaluation");
    Map<String, Double> values = new LinkedHashMap<>();
    evaluator.evaluate(validation, config.evalBatchSize(), metrics, decoder)
        .metrics()
        .forEach((name, value) -> values.put("eval_" + name, value));
    record(state, new LogEntry(state.globalStep, state.epochProgress(), "eval", values));
    String monitored = "eval_" + config.metricForBestModel().replaceFirst("^eval_", "");
    Double value = values.get(monitored);
    if (value == null) {
      throw new IllegalArgumentException(
          "metric_for_best_model '" + config.metricForBestModel() + "' is not among the evaluation's "
              + values.keySet());
    }
    callbacks.forEach(c -> c.onEvaluate(state, values)); // before a save, which keeps their state
    if (state.bestMetric == null
        || (higherIsBetter() ? value > state.bestMetric : value < state.bestMetric)) {
      state.bestMetric = value;
      state.bestStep = state.globalStep;
      if (best != null) {
        best.keep();
      }
      if (config.saveStrategy() == Strategy.BEST) {
        save(state, checkpoints);
      }
    }
  }

  private static boolean evaluatedLastStep(LoopState state) {
    return state.history().last("eval").filter(e -> e.step() == state.globalStep).isPresent();
  }

  private static void record(LoopState state, LogEntry entry) {
    state.logHistory.add(entry);
    LOG.debug("{}", entry);
  }

  private void save(LoopState state, Checkpoints checkpoints) {
    if (config.outputDir() == null) {
      throw new IllegalArgumentException("save_strategy " + config.saveStrategy() + " needs an output_dir");
    }
    guard.checkWeights(state, "before saving a checkpoint");
    Path written = checkpoints.save(config.outputDir(), state, vocab, tokenizerJson, config.saveTotalLimit());
    callbacks.forEach(c -> c.onSave(state, written));
  }
}

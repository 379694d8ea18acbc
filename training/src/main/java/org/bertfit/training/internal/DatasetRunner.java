package org.bertfit.training.internal;

import java.util.List;
import org.bertfit.datasets.Batch;
import org.bertfit.datasets.BatchLabels;
import org.bertfit.datasets.BatchOptions;
import org.bertfit.datasets.EncodedDataset;
import org.bertfit.datasets.Task;
import org.bertfit.evaluation.Accumulator;
import org.bertfit.evaluation.LabelSet;
import org.bertfit.evaluation.PredictionBatch;
import org.bertfit.evaluation.Thresholds;
import org.bertfit.models.graph.BatchTensors;
import org.bertfit.models.graph.Floats;
import org.bertfit.training.Evaluation;
import org.bertfit.training.Predictions;
import org.bertfit.training.metrics.Metric;
import org.bertfit.training.predict.LabelDecoder;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat32;

/**
 * Runs the inference graph over a dataset in order: predictions for every example, and with labels,
 * the loss, per-example losses and metrics.
 */
public final class DatasetRunner {
  private final ModelGraph model;

  public DatasetRunner(ModelGraph model) {
    this.model = model;
  }

  /**
   * Loss, metrics, the accumulated counts and scores, and predictions on labelled data (a loss
   * must be set).
   *
   * @param decoder decides each example's labels (see {@link #decoder})
   */
  public Evaluation evaluate(
      EncodedDataset data, int batchSize, List<Metric> metrics, LabelDecoder decoder) {
    LabelSet labels = LabelSet.of(model.config().labels());
    Accumulator accumulator = task() == Task.TOKEN_CLASSIFICATION
        ? Accumulator.tagging(labels)
        : decoder.accumulator(labels, true);
    Pass pass = new Pass(metrics);
    Predictions predictions = run(data, batchSize, (batchLabels, probabilities, loss) -> {
      PredictionBatch batch = PredictionBatches.of(batchLabels, probabilities, labels, decoder);
      accumulator.update(batch);
      pass.update(batch, loss);
    });
    return new Evaluation(pass.values(), accumulator, predictions);
  }

  /** Decides a batch's labels: argmax, or for a multi-label model the thresholds (label order). */
  public LabelDecoder decoder(double[] thresholds) {
    return task() == Task.MULTI_LABEL
        ? LabelDecoder.thresholds(new Thresholds(model.config().labels(), thresholds))
        : LabelDecoder.argmax(model.config().numLabels());
  }

  private Task task() {
    return model.config().problemType();
  }

  /** Receives each batch's labels, probabilities and mean loss. */
  interface BatchSink {
    void accept(BatchLabels labels, float[] probabilities, double meanLoss);
  }

  /** Predictions for every example (labels, if any, are not needed). */
  public Predictions predict(EncodedDataset data, int batchSize) {
    return run(data, batchSize, null);
  }

  private Predictions run(EncodedDataset data, int batchSize, BatchSink pass) {
    int n = data.size();
    int labels = model.config().numLabels();
    float[][] logits = new float[n][];
    float[][] probabilities = new float[n][];
    float[] losses = pass == null ? null : new float[n];
    for (Batch batch : data.batches(BatchOptions.inOrder(batchSize), 0)) {
      try (BatchTensors inputs = new BatchTensors(batch.inputs());
          Tensor labelTensor = pass == null ? null : Feeds.labels(batch.labels())) {
        Session.Runner runner =
            inputs.feed(model.session().runner(), model.inputs())
                .fetch(model.inference().logits())
                .fetch(model.inference().probabilities());
        if (pass != null) {
          runner.feed(model.labels(), labelTensor)
              .fetch(model.inferenceLoss())
              .fetch(model.inferencePerExample());
        }
        try (Result r = runner.run()) {
          float[] batchLogits = Floats.of((TFloat32) r.get(0));
          float[] batchProbabilities = Floats.of((TFloat32) r.get(1));
          for (int row = 0; row < batch.size(); row++) {
            int example = batch.indices()[row];
            int width = batchLogits.length / batch.size();
            int used = width == labels ? labels : batch.inputs().length(row) * labels;
            logits[example] = java.util.Arrays.copyOfRange(batchLogits, row * width, row * width + used);
            probabilities[example] =
                java.util.Arrays.copyOfRange(batchProbabilities, row * width, row * width + used);
          }
          if (pass != null) {
            pass.accept(batch.labels(), batchProbabilities, ((TFloat32) r.get(2)).getFloat());
            float[] perExample = Floats.of((TFloat32) r.get(3));
            for (int row = 0; row < batch.size(); row++) {
              losses[batch.indices()[row]] = perExample[row];
            }
          }
        }
      }
    }
    return new Predictions(labels, logits, probabilities, losses);
  }
}

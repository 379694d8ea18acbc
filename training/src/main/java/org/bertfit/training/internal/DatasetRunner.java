package org.bertfit.training.internal;

import java.util.List;
import java.util.Map;
import org.bertfit.datasets.Batch;
import org.bertfit.datasets.BatchLabels;
import org.bertfit.datasets.BatchOptions;
import org.bertfit.datasets.EncodedDataset;
import org.bertfit.datasets.Task;
import org.bertfit.evaluation.Accumulator;
import org.bertfit.evaluation.LabelDecoder;
import org.bertfit.evaluation.LabelSet;
import org.bertfit.evaluation.PredictionBatch;
import org.bertfit.evaluation.Thresholds;
import org.bertfit.models.graph.BatchOutputs;
import org.bertfit.training.Evaluation;
import org.bertfit.training.Predictions;
import org.bertfit.training.metrics.Metric;
import org.tensorflow.Operand;
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
    float[][] logits = new float[n][];
    float[][] probabilities = new float[n][];
    float[] losses = pass == null ? null : new float[n];
    List<Operand<TFloat32>> fetches = pass == null
        ? List.of(model.inference().logits(), model.inference().probabilities())
        : List.of(model.inference().logits(), model.inference().probabilities(),
            model.inferenceLoss(), model.inferencePerExample());
    for (Batch batch : data.batches(BatchOptions.inOrder(batchSize), 0)) {
      try (Tensor labels = pass == null ? null : Feeds.labels(batch.labels())) {
        BatchOutputs out = model.runner()
            .run(batch.inputs(), fetches, pass == null ? Map.of() : Map.of(model.labels(), labels));
        for (int row = 0; row < batch.size(); row++) {
          int example = batch.indices()[row];
          logits[example] = out.row(0, row);
          probabilities[example] = out.row(1, row);
          if (pass != null) {
            losses[example] = out.get(3)[row];
          }
        }
        if (pass != null) {
          pass.accept(batch.labels(), out.get(1), out.scalar(2));
        }
      }
    }
    return new Predictions(model.config().numLabels(), logits, probabilities, losses);
  }
}

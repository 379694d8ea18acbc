package org.bertfit.training.internal;

import org.bertfit.datasets.Batch;
import org.bertfit.models.graph.BatchTensors;
import org.bertfit.models.graph.Floats;
import org.bertfit.training.TrainingDivergedException;
import org.tensorflow.Result;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat32;

/**
 * Stops a run that diverged. The loss and the gradient norm of every step must be finite numbers;
 * and because the update that breaks the weights only shows in the next forward pass, the weights
 * are run once more on the last batch before they are evaluated, saved or returned.
 */
final class DivergenceGuard {
  private final ModelGraph model;
  private Batch lastBatch;

  DivergenceGuard(ModelGraph model) {
    this.model = model;
  }

  /**
   * Fails unless the training loss of a forward pass of the step in progress is finite; remembers
   * the batch.
   */
  void checkLoss(double loss, Batch batch, LoopState state) {
    lastBatch = batch;
    requireFinite("the training loss", loss, state.globalStep + 1);
  }

  /** Fails unless the gradient norm of the step in progress is finite. */
  void checkGradientNorm(double norm, LoopState state) {
    requireFinite("the gradient norm", norm, state.globalStep + 1);
  }

  /**
   * Fails unless the current weights give a finite loss and finite probabilities on the last batch
   * trained on (nothing to check before the first).
   *
   * @param purpose what the weights are about to be used for, for the message
   */
  void checkWeights(LoopState state, String purpose) {
    if (lastBatch == null) {
      return;
    }
    try (BatchTensors inputs = new BatchTensors(lastBatch.inputs());
        Tensor labels = Feeds.labels(lastBatch.labels());
        Result r =
            inputs.feed(model.session().runner(), model.inputs())
                .feed(model.labels(), labels)
                .fetch(model.inferenceLoss())
                .fetch(model.inference().probabilities())
                .run()) {
      double loss = ((TFloat32) r.get(0)).getFloat();
      float[] probabilities = Floats.of((TFloat32) r.get(1));
      for (float p : probabilities) {
        if (!Float.isFinite(p)) {
          loss = p;
          break;
        }
      }
      requireFinite(
          "the output of the updated weights (checked " + purpose + ")", loss, state.globalStep);
    }
  }

  private static void requireFinite(String what, double value, long step) {
    if (!Double.isFinite(value)) {
      throw new TrainingDivergedException(String.format(
          "%s is %s at step %d; the run diverged and stopped. Lower the learning rate"
              + " or check the data; checkpoints written before are intact and no model is saved"
              + " from these weights.",
          what, value, step));
    }
  }
}

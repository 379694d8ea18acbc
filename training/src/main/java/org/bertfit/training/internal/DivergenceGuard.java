package org.bertfit.training.internal;

import java.util.List;
import java.util.Map;
import org.bertfit.datasets.Batch;
import org.bertfit.models.graph.BatchOutputs;
import org.bertfit.training.TrainingDivergedException;
import org.bertfit.training.TrainingState;
import org.tensorflow.Result;
import org.tensorflow.Tensor;

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
    try (Tensor labels = Feeds.labels(lastBatch.labels())) {
      BatchOutputs out = model.runner().run(
          lastBatch.inputs(),
          List.of(model.inferenceLoss(), model.inference().probabilities()),
          Map.of(model.labels(), labels));
      double loss = out.scalar(0);
      float[] probabilities = out.get(1);
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

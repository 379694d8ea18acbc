package org.bertfit.training;

import java.nio.file.Path;
import java.util.Map;

/**
 * Hooks into {@code fit}, each a no-op by default: a callback overrides only the events it needs.
 * Each event gets a read-only view of the run ({@link TrainingState}); to stop training, call
 * {@link TrainingState#requestStop()}. Callbacks reset their own state in
 * {@link #onTrainBegin}, so one instance can serve several runs.
 */
public interface Callback {
  default void onTrainBegin(TrainingState state) {}

  default void onEpochBegin(TrainingState state) {}

  /**
   * After each optimizer step.
   *
   * @param examples examples in the step's batches
   * @param loss the step's mean training loss
   * @param learningRate the rate the step used
   */
  default void onStepEnd(TrainingState state, int examples, double loss, double learningRate) {}

  /** At each logging step, with the window's training loss, learning rate and metrics. */
  default void onLog(TrainingState state, LogEntry entry) {}

  /** After each validation run, with {@code eval_}-prefixed values. */
  default void onEvaluate(TrainingState state, Map<String, Double> metrics) {}

  /** After a checkpoint is written. */
  default void onSave(TrainingState state, Path checkpoint) {}

  default void onEpochEnd(TrainingState state) {}

  default void onTrainEnd(TrainingState state) {}
}

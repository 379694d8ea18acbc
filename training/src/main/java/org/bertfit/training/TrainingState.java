package org.bertfit.training;

import java.util.OptionalDouble;

/**
 * What a callback sees of a {@code fit} run: read-only counters and the log so far. The one thing a
 * callback can ask of the loop is to stop, through {@link #requestStop()}; the loop owns the state
 * and saves it in each checkpoint.
 */
public interface TrainingState {
  /** The current epoch, 0-based. */
  int epoch();

  /** Optimizer steps done. */
  long globalStep();

  /** Optimizer steps the run will take in all. */
  long maxSteps();

  /** Optimizer steps per epoch. */
  long stepsPerEpoch();

  /** The learning rate of the last optimizer step, NaN before the first. */
  double learningRate();

  /** The best value of the monitored validation metric so far, empty before the first evaluation. */
  OptionalDouble bestMetric();

  /** The step at which {@link #bestMetric()} was reached. */
  long bestStep();

  /** The log so far, including the entries of a resumed run's checkpoint. */
  History history();

  /** Nanoseconds spent inside TensorFlow session runs by training steps (for benchmarks). */
  long sessionNanos();

  /** Whether a callback asked the loop to stop. */
  boolean stopRequested();

  /** Asks the loop to stop after the current step (early stopping); never throws. */
  void requestStop();

  /** Epochs done, fractional. */
  default double epochProgress() {
    return stepsPerEpoch() == 0 ? epoch() : (double) globalStep() / stepsPerEpoch();
  }
}

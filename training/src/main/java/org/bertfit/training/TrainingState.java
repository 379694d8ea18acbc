package org.bertfit.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a {@code fit} run stands: counters, the best validation figure so far, the log, and small
 * numbers that callbacks keep across a resume. Saved in each checkpoint ({@code
 * trainer_state.json}); with the seed it determines the data order and the dropout masks, so a
 * resumed run continues exactly where the saved one was.
 */
public final class TrainingState {
  /** The current epoch, 0-based. */
  public int epoch;
  /** Batches (forward passes) of the current epoch already trained on. */
  public long batchesDoneInEpoch;
  /** Optimizer steps done. */
  public long globalStep;
  /** Forward passes done over the whole run (keys the dropout masks). */
  public long globalBatch;
  /** Optimizer steps the run will take in all. */
  public long maxSteps;
  /** Optimizer steps per epoch. */
  public long stepsPerEpoch;
  /** The best value of the monitored validation metric, or null before the first evaluation. */
  public Double bestMetric;
  /** The step at which the best value was reached. */
  public long bestStep;
  /** The log so far. */
  public List<LogEntry> logHistory = new ArrayList<>();
  /** Nanoseconds spent inside TensorFlow session runs by training steps (for benchmarks). */
  public long sessionNanos;
  /** Where the run executes ({@code DeviceReport.toMap()}: devices, MatMul placement, CPU, threads). */
  public Map<String, Object> device;
  /** Numbers callbacks keep across a resume (e.g. evaluations without improvement). */
  public Map<String, Double> callbackState = new LinkedHashMap<>();

  private boolean stopRequested;

  /** Asks the loop to stop after the current step (early stopping); never throws. */
  public void requestStop() {
    stopRequested = true;
  }

  public boolean stopRequested() {
    return stopRequested;
  }

  /** Epochs done, fractional. */
  public double epochProgress() {
    return stepsPerEpoch == 0 ? epoch : (double) globalStep / stepsPerEpoch;
  }
}

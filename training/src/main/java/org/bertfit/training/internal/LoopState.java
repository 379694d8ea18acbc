package org.bertfit.training.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.bertfit.training.History;
import org.bertfit.training.LogEntry;
import org.bertfit.training.TrainingState;

/**
 * The mutable state of the training loop, shown to callbacks as a {@link TrainingState}. Saved in
 * each checkpoint ({@code trainer_state.json}, its public fields); with the seed it determines the
 * data order and the dropout masks, so a resumed run continues exactly where the saved one was.
 */
public final class LoopState implements TrainingState {
  public int epoch;
  /** Batches (forward passes) of the current epoch already trained on. */
  public long batchesDoneInEpoch;
  public long globalStep;
  /** Forward passes done over the whole run (keys the dropout masks). */
  public long globalBatch;
  public long maxSteps;
  public long stepsPerEpoch;
  public Double bestMetric;
  public long bestStep;
  /** The log; {@link #history()} is a read-only view of it. */
  public List<LogEntry> logHistory = new ArrayList<>();
  public long sessionNanos;
  /** Where the run executes ({@code DeviceReport.toMap()}: devices, MatMul placement, CPU, threads). */
  public Map<String, Object> device;

  private transient double learningRate = Double.NaN;
  private transient boolean stopRequested;

  @Override
  public int epoch() {
    return epoch;
  }

  @Override
  public long globalStep() {
    return globalStep;
  }

  @Override
  public long maxSteps() {
    return maxSteps;
  }

  @Override
  public long stepsPerEpoch() {
    return stepsPerEpoch;
  }

  @Override
  public double learningRate() {
    return learningRate;
  }

  void learningRate(double rate) {
    learningRate = rate;
  }

  @Override
  public OptionalDouble bestMetric() {
    return bestMetric == null ? OptionalDouble.empty() : OptionalDouble.of(bestMetric);
  }

  @Override
  public long bestStep() {
    return bestStep;
  }

  @Override
  public History history() {
    return new History(logHistory);
  }

  @Override
  public long sessionNanos() {
    return sessionNanos;
  }

  @Override
  public boolean stopRequested() {
    return stopRequested;
  }

  @Override
  public void requestStop() {
    stopRequested = true;
  }
}

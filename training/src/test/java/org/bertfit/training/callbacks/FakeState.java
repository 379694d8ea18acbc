package org.bertfit.training.callbacks;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.bertfit.training.History;
import org.bertfit.training.LogEntry;
import org.bertfit.training.TrainingState;

/** A training state that a test sets field by field, as the loop would. */
final class FakeState implements TrainingState {
  int epoch;
  long globalStep;
  long maxSteps;
  long stepsPerEpoch;
  final List<LogEntry> log = new ArrayList<>();
  private boolean stopRequested;

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
    return Double.NaN;
  }

  @Override
  public OptionalDouble bestMetric() {
    return OptionalDouble.empty();
  }

  @Override
  public long bestStep() {
    return 0;
  }

  @Override
  public History history() {
    return new History(log);
  }

  @Override
  public long sessionNanos() {
    return 0;
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

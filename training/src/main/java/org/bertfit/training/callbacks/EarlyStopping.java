package org.bertfit.training.callbacks;

import java.util.Map;
import org.bertfit.training.Callback;
import org.bertfit.training.LogEntry;
import org.bertfit.training.TrainingState;
import org.bertfit.training.metrics.Metric;

/**
 * Stops training when a validation metric has not improved by more than {@code minDelta} for
 * {@code patience} evaluations in a row, as Keras' and Hugging Face's early stopping (seed 000 uses
 * patience 3, min delta 0.001). A resumed run recounts from the evaluations in the checkpoint's
 * log, so the count survives a resume.
 */
public final class EarlyStopping implements Callback {
  private final String monitor;
  private final int patience;
  private final double minDelta;
  private final boolean higherIsBetter;
  private Double best;
  private int wait;

  /**
   * @param monitor the metric, e.g. {@code eval_loss} or {@code eval_f1_macro}
   * @param higherIsBetter whether larger values are improvements
   */
  public EarlyStopping(String monitor, int patience, double minDelta, boolean higherIsBetter) {
    if (patience < 1 || !(minDelta >= 0)) {
      throw new IllegalArgumentException(
          "patience must be >= 1 and min_delta >= 0, got " + patience + ", " + minDelta);
    }
    this.monitor = monitor;
    this.patience = patience;
    this.minDelta = minDelta;
    this.higherIsBetter = higherIsBetter;
  }

  /** Monitors a compiled metric's validation value, in the direction the metric says. */
  public EarlyStopping(Metric metric, int patience, double minDelta) {
    this("eval_" + metric.name(), patience, minDelta, metric.higherIsBetter());
  }

  /** Starts counting afresh, or, for a resumed run, from the evaluations in its log. */
  @Override
  public void onTrainBegin(TrainingState state) {
    best = null;
    wait = 0;
    for (LogEntry entry : state.history().entries()) {
      Double value = entry.values().get(monitor);
      if (entry.kind().equals("eval") && value != null) {
        observe(value);
      }
    }
    if (wait >= patience) {
      state.requestStop(); // resumed from the checkpoint of the step that ran out of patience
    }
  }

  @Override
  public void onEvaluate(TrainingState state, Map<String, Double> metrics) {
    Double value = metrics.get(monitor);
    if (value == null) {
      throw new IllegalArgumentException(
          "early stopping monitors '" + monitor + "', which evaluation does not produce; it produces "
              + metrics.keySet());
    }
    observe(value);
    if (wait >= patience) {
      state.requestStop();
    }
  }

  private void observe(double value) {
    if (best == null || (higherIsBetter ? value - best > minDelta : best - value > minDelta)) {
      best = value;
      wait = 0;
    } else {
      wait++;
    }
  }
}

package org.bertfit.training.callbacks;

import java.util.Map;
import org.bertfit.training.Callback;
import org.bertfit.training.TrainingState;
import org.bertfit.training.metrics.Metric;

/**
 * Stops training when a validation metric has not improved by more than {@code minDelta} for
 * {@code patience} evaluations in a row, as Keras' and Hugging Face's early stopping (seed 000 uses
 * patience 3, min delta 0.001). Its counter is kept in the training state, so it survives a resume.
 *
 * @param monitor the metric, e.g. {@code eval_loss} or {@code eval_f1_macro}
 * @param higherIsBetter whether larger values are improvements
 */
public record EarlyStopping(String monitor, int patience, double minDelta, boolean higherIsBetter)
    implements Callback {
  private static final String BEST = "early_stopping.best";
  private static final String WAIT = "early_stopping.wait";

  /** Monitors a compiled metric's validation value, in the direction the metric says. */
  public EarlyStopping(Metric metric, int patience, double minDelta) {
    this("eval_" + metric.name(), patience, minDelta, metric.higherIsBetter());
  }

  public EarlyStopping {
    if (patience < 1 || !(minDelta >= 0)) {
      throw new IllegalArgumentException(
          "patience must be >= 1 and min_delta >= 0, got " + patience + ", " + minDelta);
    }
  }

  @Override
  public void onTrainBegin(TrainingState state) {
    if (state.globalStep == 0) {
      state.callbackState.remove(BEST);
      state.callbackState.put(WAIT, 0.0);
    } else if (state.callbackState.getOrDefault(WAIT, 0.0) >= patience) {
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
    Double best = state.callbackState.get(BEST);
    boolean improved =
        best == null || (higherIsBetter ? value - best > minDelta : best - value > minDelta);
    if (improved) {
      state.callbackState.put(BEST, value);
      state.callbackState.put(WAIT, 0.0);
    } else {
      double wait = state.callbackState.getOrDefault(WAIT, 0.0) + 1;
      state.callbackState.put(WAIT, wait);
      if (wait >= patience) {
        state.requestStop();
      }
    }
  }
}

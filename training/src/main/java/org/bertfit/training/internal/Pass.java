package org.bertfit.training.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bertfit.evaluation.PredictionBatch;
import org.bertfit.training.metrics.Metric;

/**
 * The metrics of one pass over data (a logging window of training steps, or a validation run),
 * fresh instances of the compiled ones, and the mean loss per example.
 */
final class Pass {
  private final List<Metric> metrics;
  private double lossSum;
  private long lossWeight;

  Pass(List<Metric> compiled) {
    this.metrics = compiled.stream().map(Metric::fresh).toList();
  }

  /** Counts a batch whose mean loss is {@code meanLoss}. */
  void update(PredictionBatch batch, double meanLoss) {
    metrics.forEach(m -> m.update(batch));
    lossSum += meanLoss * batch.size();
    lossWeight += batch.size();
  }

  /** {@code loss} then each metric's values. */
  Map<String, Double> values() {
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("loss", lossWeight == 0 ? Double.NaN : lossSum / lossWeight);
    metrics.forEach(m -> out.putAll(m.results()));
    return out;
  }

  void reset() {
    metrics.forEach(Metric::reset);
    lossSum = 0;
    lossWeight = 0;
  }
}

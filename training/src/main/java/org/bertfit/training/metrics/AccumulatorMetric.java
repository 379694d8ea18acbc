package org.bertfit.training.metrics;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.bertfit.evaluation.Accumulator;
import org.bertfit.evaluation.PredictionBatch;

/**
 * A metric whose values are a function of the evaluation module's {@link Accumulator}, made for
 * the task and labels of the first batch it sees.
 */
final class AccumulatorMetric implements Metric {
  private final String name;
  private final boolean higherIsBetter;
  private final boolean keepScores;
  private final Function<Accumulator, Map<String, Double>> values;
  private Accumulator accumulator;

  /**
   * @param keepScores whether the accumulator keeps every probability row (ranking metrics)
   * @param values the logged values, from a non-empty accumulator
   */
  AccumulatorMetric(
      String name, boolean higherIsBetter, boolean keepScores,
      Function<Accumulator, Map<String, Double>> values) {
    this.name = Objects.requireNonNull(name, "name");
    this.higherIsBetter = higherIsBetter;
    this.keepScores = keepScores;
    this.values = values;
  }

  /** A metric of one value, named {@code name}. */
  static AccumulatorMetric scalar(
      String name, boolean higherIsBetter, boolean keepScores, ToDoubleFunction<Accumulator> value) {
    return new AccumulatorMetric(
        name, higherIsBetter, keepScores, a -> Map.of(name, value.applyAsDouble(a)));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  @Override
  public void update(PredictionBatch batch) {
    if (accumulator == null) {
      accumulator = Accumulator.like(batch, keepScores);
    }
    accumulator.update(batch);
  }

  /** The value named {@link #name()}, else the mean of the values (per-class metrics). */
  @Override
  public double result() {
    Map<String, Double> all = results();
    Double named = all.get(name);
    if (named != null) {
      return named;
    }
    return all.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  @Override
  public Map<String, Double> results() {
    return accumulator == null ? Map.of(name, Double.NaN) : values.apply(accumulator);
  }

  @Override
  public void reset() {
    if (accumulator != null) {
      accumulator.reset();
    }
  }

  @Override
  public void merge(Metric other) {
    if (!(other instanceof AccumulatorMetric that) || !that.name.equals(name)) {
      throw new IllegalArgumentException("cannot merge " + other.name() + " into " + name);
    }
    if (that.accumulator == null) {
      return;
    }
    if (accumulator == null) {
      accumulator = that.accumulator.emptyCopy();
    }
    accumulator.merge(that.accumulator);
  }

  @Override
  public Metric fresh() {
    return new AccumulatorMetric(name, higherIsBetter, keepScores, values);
  }

  @Override
  public String toString() {
    return name;
  }
}

package org.bertfit.training.metrics;

import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.bertfit.evaluation.Accumulator;
import org.bertfit.evaluation.Average;
import org.bertfit.evaluation.PredictionBatch;
import org.bertfit.evaluation.RankingMetrics;

/**
 * A figure that {@code fit} logs for each training window and each validation run, Keras style:
 * {@link #update} with each batch of predictions and labels, {@link #result}, {@link #reset}, and
 * {@link #merge} the state of another instance. Pass metrics to {@code Model.compile}; their values
 * land in {@code History}, the CSV log and TensorBoard under {@link #name()} (prefixed {@code eval_}
 * for validation), and can pick the best model and stop training early.
 *
 * <p>The built-ins are computed from the evaluation module's {@link Accumulator}, so the F1 that
 * {@code fit} logs is the F1 of the final report. Zero divisions count as 0. A metric of one's own
 * can be a function of that accumulator ({@link #of}) or implement this interface.
 */
public interface Metric {
  /** The name its value is logged under, e.g. {@code f1_macro}. */
  String name();

  /** Whether larger values are better (for the best model and early stopping). */
  default boolean higherIsBetter() {
    return true;
  }

  /** Counts a batch. */
  void update(PredictionBatch batch);

  /** The value of what was counted since the last reset; NaN before any batch. */
  double result();

  /**
   * Every value the metric logs: by default {@link #name()} with {@link #result()}; a per-class
   * metric gives one value per class.
   */
  default Map<String, Double> results() {
    return Map.of(name(), result());
  }

  /** Forgets what was counted. */
  void reset();

  /** Adds what {@code other}, a metric of the same kind, counted (shards, partitions). */
  void merge(Metric other);

  /** A new instance of the same metric with nothing counted ({@code fit} keeps one per pass). */
  Metric fresh();

  /**
   * A metric computed from the evaluation module's accumulator of the pass, which keeps every
   * probability row (see {@link Accumulator#scores()}).
   */
  static Metric of(String name, boolean higherIsBetter, ToDoubleFunction<Accumulator> value) {
    return AccumulatorMetric.scalar(name, higherIsBetter, true, value);
  }

  /** Accuracy: subset accuracy for multi-label, word accuracy for token classification. */
  static Metric accuracy() {
    return AccumulatorMetric.scalar("accuracy", true, false, Accumulator::accuracy);
  }

  static Metric precision(Average average) {
    return Scores.PRECISION.averaged(average);
  }

  static Metric recall(Average average) {
    return Scores.RECALL.averaged(average);
  }

  static Metric f1(Average average) {
    return Scores.F1.averaged(average);
  }

  /** F-beta averaged: {@code beta} 2 weighs recall more, 0.5 precision; named like {@code f2_macro}. */
  static Metric fBeta(double beta, Average average) {
    return Scores.fBeta(beta).averaged(average);
  }

  /** F1 of each class, named like {@code f1_joy} (its {@link #result()} is their mean). */
  static Metric f1PerClass() {
    return Scores.F1.perClass();
  }

  /** F1 of one class, named like {@code f1_joy} (entity type for a token classifier). */
  static Metric f1(String label) {
    return Scores.F1.ofClass(label);
  }

  /** F-beta of one class, named like {@code f2_fraud}. */
  static Metric fBeta(double beta, String label) {
    return Scores.fBeta(beta).ofClass(label);
  }

  /** Recall of one class, named like {@code recall_fraud}. */
  static Metric recall(String label) {
    return Scores.RECALL.ofClass(label);
  }

  /** Precision of one class, named like {@code precision_fraud}. */
  static Metric precision(String label) {
    return Scores.PRECISION.ofClass(label);
  }

  /**
   * ROC-AUC of each label against the rest, averaged ({@code MACRO}, {@code WEIGHTED}; {@code
   * MICRO} for multi-label), named like {@code roc_auc_macro}; keeps the pass's probabilities.
   */
  static Metric rocAuc(Average average) {
    return AccumulatorMetric.scalar(
        "roc_auc_" + average.name().toLowerCase(java.util.Locale.ROOT), true, true,
        a -> RankingMetrics.rocAuc(a.scores(), average));
  }

  /**
   * Parses {@code accuracy}, {@code f1_macro}, {@code precision_weighted}, {@code recall_micro},
   * {@code f1_per_class}, {@code f2_macro}, {@code roc_auc_macro}.
   */
  static Metric parse(String name) {
    return Scores.parse(name);
  }
}

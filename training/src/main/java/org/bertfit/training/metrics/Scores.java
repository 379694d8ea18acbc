package org.bertfit.training.metrics;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.bertfit.evaluation.Accumulator;
import org.bertfit.evaluation.Average;
import org.bertfit.evaluation.LabelSet;
import org.bertfit.evaluation.PrecisionRecall;
import org.bertfit.evaluation.PrfScores;
import org.bertfit.evaluation.ZeroDivision;

/**
 * Precision, recall, F1 or F-beta as built-in metrics: averaged, per class or of one class, from
 * the accumulator's counts (entity types for a token classifier) through {@link PrecisionRecall}.
 */
final class Scores {
  static final Scores PRECISION = new Scores("precision", PrfScores::precision, 1);
  static final Scores RECALL = new Scores("recall", PrfScores::recall, 1);
  static final Scores F1 = new Scores("f1", PrfScores::f1, 1);

  private final String prefix;
  private final ToDoubleFunction<PrfScores> pick;
  private final double beta;

  /** @param beta the F-beta that the scores' F field holds */
  private Scores(String prefix, ToDoubleFunction<PrfScores> pick, double beta) {
    this.prefix = prefix;
    this.pick = pick;
    this.beta = beta;
  }

  /** F-beta, named {@code f2}, {@code f0.5}, ... */
  static Scores fBeta(double beta) {
    if (!(beta > 0) || Double.isInfinite(beta)) {
      throw new IllegalArgumentException("beta must be a positive number, got " + beta);
    }
    return new Scores(
        "f" + BigDecimal.valueOf(beta).stripTrailingZeros().toPlainString(), PrfScores::f1, beta);
  }

  Metric averaged(Average average) {
    return AccumulatorMetric.scalar(
        prefix + "_" + average.name().toLowerCase(Locale.ROOT), true, false,
        a -> pick.applyAsDouble(PrecisionRecall.average(
            a.counts(), PrecisionRecall.allLabels(a.counts()), average, ZeroDivision.ZERO, beta)));
  }

  Metric perClass() {
    return new AccumulatorMetric(prefix + "_per_class", true, false, a -> {
      Map<String, Double> out = new LinkedHashMap<>();
      LabelSet labels = a.countedLabels();
      for (int id = 0; id < labels.size(); id++) {
        out.put(prefix + "_" + labels.name(id), value(a, id));
      }
      return out;
    });
  }

  /** The value of one class; an entity type not seen yet counts as nothing found. */
  Metric ofClass(String label) {
    return AccumulatorMetric.scalar(prefix + "_" + label, true, false, a -> {
      LabelSet labels = a.countedLabels();
      if (!labels.contains(label) && a.tagging()) {
        return 0.0;
      }
      return value(a, labels.id(label));
    });
  }

  private double value(Accumulator a, int id) {
    return pick.applyAsDouble(PrecisionRecall.of(a.counts(), id, ZeroDivision.ZERO).withFBeta(beta));
  }

  /** See {@link Metric#parse}. */
  static Metric parse(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.equals("accuracy")) {
      return Metric.accuracy();
    }
    int split = n.lastIndexOf('_');
    String head = split < 0 ? n : n.substring(0, split);
    String tail = split < 0 ? "" : n.substring(split + 1);
    try {
      if (n.endsWith("_per_class")) {
        return kind(n.substring(0, n.length() - "_per_class".length())).perClass();
      }
      Average average = Average.valueOf(tail.toUpperCase(Locale.ROOT));
      return head.equals("roc_auc") ? Metric.rocAuc(average) : kind(head).averaged(average);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown metric '" + name + "'; known: accuracy,"
          + " {precision,recall,f1,f<beta>}_{micro,macro,weighted,samples,per_class},"
          + " roc_auc_{micro,macro,weighted}", e);
    }
  }

  private static Scores kind(String name) {
    return switch (name) {
      case "precision" -> PRECISION;
      case "recall" -> RECALL;
      case "f1" -> F1;
      default -> {
        if (!name.matches("f\\d+(\\.\\d+)?")) {
          throw new IllegalArgumentException("not a metric: " + name);
        }
        yield fBeta(Double.parseDouble(name.substring(1)));
      }
    };
  }
}

package org.bertfit.training.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bertfit.evaluation.Average;
import org.bertfit.evaluation.LabelCounts;
import org.bertfit.evaluation.PrecisionRecall;
import org.bertfit.evaluation.ZeroDivision;

/**
 * A figure logged during training and validation, computed from the counts that the evaluation
 * module accumulates (one implementation of the arithmetic; zero divisions count as 0). Averaged
 * metrics give one value named like {@code f1_macro}; {@code average == null} gives one value per
 * class, named like {@code f1_joy}.
 */
public record Metric(Kind kind, Average average) {
  /** What is measured. */
  public enum Kind {
    ACCURACY,
    PRECISION,
    RECALL,
    F1
  }

  public static Metric accuracy() {
    return new Metric(Kind.ACCURACY, null);
  }

  public static Metric f1(Average average) {
    return new Metric(Kind.F1, average);
  }

  public static Metric precision(Average average) {
    return new Metric(Kind.PRECISION, average);
  }

  public static Metric recall(Average average) {
    return new Metric(Kind.RECALL, average);
  }

  /** F1 of each class. */
  public static Metric f1PerClass() {
    return new Metric(Kind.F1, null);
  }

  /** Parses {@code accuracy}, {@code f1_macro}, {@code precision_weighted}, {@code recall_micro}, {@code f1_per_class}. */
  public static Metric parse(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.equals("accuracy")) {
      return accuracy();
    }
    int split = n.indexOf('_');
    try {
      Kind kind = Kind.valueOf(n.substring(0, split < 0 ? n.length() : split).toUpperCase(Locale.ROOT));
      String rest = split < 0 ? "" : n.substring(split + 1);
      if (kind != Kind.ACCURACY && rest.equals("per_class")) {
        return new Metric(kind, null);
      }
      if (kind != Kind.ACCURACY && !rest.isEmpty()) {
        return new Metric(kind, Average.valueOf(rest.toUpperCase(Locale.ROOT)));
      }
    } catch (IllegalArgumentException e) {
      // fall through to the error below
    }
    throw new IllegalArgumentException(
        "unknown metric '" + name + "'; known: accuracy, {precision,recall,f1}_{micro,macro,weighted,samples,per_class}");
  }

  /**
   * The metric's values.
   *
   * @param accuracy the pass's accuracy (subset accuracy for multi-label)
   */
  public Map<String, Double> values(LabelCounts counts, double accuracy, List<String> labels) {
    Map<String, Double> out = new LinkedHashMap<>();
    String prefix = kind.name().toLowerCase(Locale.ROOT);
    if (kind == Kind.ACCURACY) {
      out.put("accuracy", accuracy);
    } else if (average == null) {
      for (int label = 0; label < counts.numLabels(); label++) {
        out.put(prefix + "_" + labels.get(label), pick(PrecisionRecall.of(counts, label, ZeroDivision.ZERO)));
      }
    } else {
      out.put(
          prefix + "_" + average.name().toLowerCase(Locale.ROOT),
          pick(PrecisionRecall.average(counts, PrecisionRecall.allLabels(counts), average, ZeroDivision.ZERO)));
    }
    return out;
  }

  private double pick(org.bertfit.evaluation.PrfScores scores) {
    return switch (kind) {
      case PRECISION -> scores.precision();
      case RECALL -> scores.recall();
      default -> scores.f1();
    };
  }
}

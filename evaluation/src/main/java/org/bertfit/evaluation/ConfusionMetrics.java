package org.bertfit.evaluation;

/**
 * Scalar metrics of a {@link ConfusionMatrix}, with scikit-learn's semantics: they use the classes
 * that occur as true or predicted labels.
 */
public final class ConfusionMetrics {
  private ConfusionMetrics() {}

  /** Matthews correlation coefficient (multi-class, Gorodkin's R_K); 0 when undefined. */
  public static double matthews(ConfusionMatrix cm) {
    int n = cm.numLabels();
    double samples = cm.total();
    double dotTruePred = 0;
    double dotPred = 0;
    double dotTrue = 0;
    for (int c = 0; c < n; c++) {
      double t = cm.actual(c);
      double p = cm.predicted(c);
      dotTruePred += t * p;
      dotPred += p * p;
      dotTrue += t * t;
    }
    double covTruePred = cm.correct() * samples - dotTruePred;
    double covPred = samples * samples - dotPred;
    double covTrue = samples * samples - dotTrue;
    if (covPred * covTrue == 0) {
      return 0.0;
    }
    return covTruePred / Math.sqrt(covTrue * covPred);
  }

  /**
   * Cohen's kappa between the true and predicted labels. Weighted kappa measures distance by the
   * classes' positions among those that occur. NaN when chance agreement is total.
   */
  public static double cohenKappa(ConfusionMatrix cm, KappaWeights weights) {
    int[] labels = cm.observedLabels();
    int k = labels.length;
    double total = cm.total();
    double observed = 0;
    double expected = 0;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        double w = switch (weights) {
          case NONE -> i == j ? 0 : 1;
          case LINEAR -> Math.abs(i - j);
          case QUADRATIC -> (double) (i - j) * (i - j);
        };
        observed += w * cm.count(labels[i], labels[j]);
        expected += w * ((double) cm.predicted(labels[i]) * cm.actual(labels[j]) / total);
      }
    }
    return 1 - observed / expected;
  }

  /** Mean recall over the classes that occur in y_true. */
  public static double balancedAccuracy(ConfusionMatrix cm) {
    double sum = 0;
    int classes = 0;
    for (int c = 0; c < cm.numLabels(); c++) {
      long actual = cm.actual(c);
      if (actual > 0) {
        sum += (double) cm.truePositives(c) / actual;
        classes++;
      }
    }
    return classes == 0 ? Double.NaN : sum / classes;
  }

  /**
   * Specificity of one label, tn / (tn + fp), for any accumulator. {@code examples} is the number
   * of examples counted.
   */
  public static double specificity(LabelCounts counts, long examples, int label, ZeroDivision zd) {
    long tp = counts.truePositives(label);
    long fp = counts.predicted(label) - tp;
    long tn = examples - counts.actual(label) - fp;
    return zd.divide(tn, tn + fp);
  }

  /** The matrix over the selected classes, normalised; undefined ratios are 0 as scikit-learn. */
  public static double[][] normalized(ConfusionMatrix cm, int[] labels, Normalization how) {
    return normalized(cm.matrix(labels), how);
  }

  /** A square count matrix {@code [true][predicted]}, normalised. */
  public static double[][] normalized(long[][] counts, Normalization how) {
    int k = counts.length;
    double[] rowSums = new double[k];
    double[] colSums = new double[k];
    double all = 0;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        rowSums[i] += counts[i][j];
        colSums[j] += counts[i][j];
        all += counts[i][j];
      }
    }
    double[][] out = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        double denominator = switch (how) {
          case NONE -> 1;
          case TRUE -> rowSums[i];
          case PRED -> colSums[j];
          case ALL -> all;
        };
        out[i][j] = denominator == 0 ? 0.0 : counts[i][j] / denominator;
      }
    }
    return out;
  }
}

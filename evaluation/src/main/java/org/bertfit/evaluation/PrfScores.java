package org.bertfit.evaluation;

/** Precision, recall, F1 and support of one class or one average, as a report row shows them. */
public record PrfScores(double precision, double recall, double f1, long support) {
  /**
   * F-beta from these precision and recall, as scikit-learn's {@code fbeta_score}: recall counts
   * {@code beta} times as much as precision; 0 when both are 0. {@code fBeta(1)} equals {@link #f1()}.
   */
  public double fBeta(double beta) {
    double b2 = beta * beta;
    double denominator = b2 * precision + recall;
    return denominator == 0 ? 0.0 : (1 + b2) * precision * recall / denominator;
  }

  /** These scores with F-beta in place of F1 (the same scores when {@code beta} is 1). */
  public PrfScores withFBeta(double beta) {
    return beta == 1 ? this : new PrfScores(precision, recall, fBeta(beta), support);
  }

  /** F1 from precision and recall as scikit-learn computes it: 0 when both are 0. */
  static double f1(double precision, double recall) {
    double denominator = precision + recall;
    return denominator == 0 ? 0.0 : 2 * precision * recall / denominator;
  }

  /** Scores from counts, with the zero-division policy for empty denominators. */
  static PrfScores fromCounts(long tp, long predicted, long actual, ZeroDivision zd) {
    double precision = zd.divide(tp, predicted);
    double recall = zd.divide(tp, actual);
    return new PrfScores(precision, recall, f1(precision, recall), actual);
  }
}

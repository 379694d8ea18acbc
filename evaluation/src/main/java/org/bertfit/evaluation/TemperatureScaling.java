package org.bertfit.evaluation;

import java.util.function.DoubleUnaryOperator;

/**
 * Temperature scaling (Guo et al., 2017): one temperature T that divides the logits before the
 * softmax (or one per label before the sigmoid), fitted on held-out data by minimising the negative
 * log-likelihood. It changes no prediction (argmax and ranking stay), only the confidence. The
 * likelihood is convex in 1/T, so the fit bisects on the sign of its derivative over 1/T.
 */
public final class TemperatureScaling {
  /** The range of temperatures the fit may return. */
  public static final double MIN_TEMPERATURE = 1e-3;

  public static final double MAX_TEMPERATURE = 1e3;

  private TemperatureScaling() {}

  /** The temperature minimising the softmax cross-entropy of {@code logits} against {@code trueClass}. */
  public static double fitSoftmax(double[][] logits, int[] trueClass) {
    if (logits.length == 0 || logits.length != trueClass.length) {
      throw new IllegalArgumentException("need one true class per logit row, at least one; got "
          + trueClass.length + " and " + logits.length);
    }
    // d/dβ NLL(β) = mean(E_softmax(βz)[z] - z_y): increasing in β.
    return 1 / solve(beta -> {
      double total = 0;
      for (int i = 0; i < logits.length; i++) {
        double[] p = softmax(logits[i], 1 / beta);
        double expected = 0;
        for (int c = 0; c < p.length; c++) {
          expected += p[c] * logits[i][c];
        }
        total += expected - logits[i][trueClass[i]];
      }
      return total / logits.length;
    });
  }

  /** The temperature minimising the binary cross-entropy of one label's {@code logits}. */
  public static double fitSigmoid(double[] logits, boolean[] positive) {
    if (logits.length == 0 || logits.length != positive.length) {
      throw new IllegalArgumentException("need one outcome per logit, at least one; got "
          + positive.length + " and " + logits.length);
    }
    // d/dβ NLL(β) = mean((σ(βz) - y) z): increasing in β.
    return 1 / solve(beta -> {
      double total = 0;
      for (int i = 0; i < logits.length; i++) {
        total += (sigmoid(logits[i], 1 / beta) - (positive[i] ? 1 : 0)) * logits[i];
      }
      return total / logits.length;
    });
  }

  /** softmax(logits / t), computed stably. */
  public static double[] softmax(double[] logits, double t) {
    double max = Double.NEGATIVE_INFINITY;
    for (double z : logits) {
      max = Math.max(max, z);
    }
    double[] p = new double[logits.length];
    double sum = 0;
    for (int c = 0; c < logits.length; c++) {
      p[c] = Math.exp((logits[c] - max) / t);
      sum += p[c];
    }
    for (int c = 0; c < logits.length; c++) {
      p[c] /= sum;
    }
    return p;
  }

  /** sigmoid(logit / t). */
  public static double sigmoid(double logit, double t) {
    double z = logit / t;
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }

  /**
   * The root of an increasing derivative over β = 1/T in [1 / MAX, 1 / MIN], by bisection on a
   * bracket (the derivative's sign tells on which side the minimum lies), to full precision; an
   * end of the range when the minimum lies beyond it.
   */
  private static double solve(DoubleUnaryOperator derivative) {
    double lo = 1 / MAX_TEMPERATURE;
    double hi = 1 / MIN_TEMPERATURE;
    if (derivative.applyAsDouble(lo) >= 0) {
      return lo;
    }
    if (derivative.applyAsDouble(hi) <= 0) {
      return hi;
    }
    for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
      double mid = 0.5 * (lo + hi);
      if (derivative.applyAsDouble(mid) < 0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }
}

package org.bertfit.spark;

import java.io.Serializable;
import org.bertfit.inference.PredictStats;

/**
 * Where the model tasks spent their time, summed over partitions.
 *
 * @param partitions partitions that reported
 * @param texts texts predicted
 * @param sessionNanos time in session runs (the model)
 * @param tokenizeNanos time the tokenizing threads spent
 * @param taskNanos time the tasks spent from their first row to their last prediction
 * @param tokens real tokens fed
 * @param paddedTokens positions fed, padding included
 */
public record ScoringStats(
    int partitions,
    long texts,
    long sessionNanos,
    long tokenizeNanos,
    long taskNanos,
    long tokens,
    long paddedTokens)
    implements Serializable {
  /** Nothing yet. */
  public static final ScoringStats NONE = new ScoringStats(0, 0, 0, 0, 0, 0, 0);

  /** A predictor's figures, not yet a task's. */
  static ScoringStats of(PredictStats s) {
    return new ScoringStats(
        0, s.texts(), s.sessionNanos(), s.tokenizeNanos(), 0, s.tokens(), s.paddedTokens());
  }

  /** These figures as one partition's, whose task took {@code nanos}. */
  ScoringStats task(long nanos) {
    return new ScoringStats(1, texts, sessionNanos, tokenizeNanos, nanos, tokens, paddedTokens);
  }

  /** These and {@code o}'s. */
  public ScoringStats plus(ScoringStats o) {
    return new ScoringStats(
        partitions + o.partitions,
        texts + o.texts,
        sessionNanos + o.sessionNanos,
        tokenizeNanos + o.tokenizeNanos,
        taskNanos + o.taskNanos,
        tokens + o.tokens,
        paddedTokens + o.paddedTokens);
  }

  /** The share of the tasks' time spent in session runs. */
  public double sessionShare() {
    return taskNanos == 0 ? 0 : (double) sessionNanos / taskNanos;
  }
}

package org.bertfit.evaluation;

import java.util.Arrays;
import org.bertfit.evaluation.internal.Json;

/**
 * A streaming multi-class confusion matrix: rows are true classes, columns predicted classes.
 * Shards accumulated separately {@link #merge merge} into exactly the counts of one pass, and
 * {@link #state()} is a plain record to save as JSON and load later.
 */
public final class ConfusionMatrix implements LabelCounts {
  private final int n;
  private final long[] counts;

  public ConfusionMatrix(int numClasses) {
    if (numClasses < 1) {
      throw new IllegalArgumentException("numClasses must be at least 1; got " + numClasses);
    }
    this.n = numClasses;
    this.counts = new long[numClasses * numClasses];
  }

  /** Serialisable counts: {@code counts[true][predicted]}. */
  public record State(int numClasses, long[][] counts) {}

  /** The state as JSON, to merge with other shards later. */
  public String toJson() {
    return Json.write(state());
  }

  public static ConfusionMatrix fromJson(String json) {
    return fromState(Json.read(json, State.class));
  }

  public static ConfusionMatrix fromState(State state) {
    ConfusionMatrix cm = new ConfusionMatrix(state.numClasses());
    if (state.counts().length != cm.n) {
      throw new IllegalArgumentException(
          "counts has " + state.counts().length + " rows; numClasses is " + cm.n);
    }
    for (int t = 0; t < cm.n; t++) {
      if (state.counts()[t].length != cm.n) {
        throw new IllegalArgumentException(
            "counts row " + t + " has " + state.counts()[t].length + " columns; expected " + cm.n);
      }
      System.arraycopy(state.counts()[t], 0, cm.counts, t * cm.n, cm.n);
    }
    return cm;
  }

  public State state() {
    return new State(n, matrix());
  }

  /** Counts one prediction. */
  public void update(int yTrue, int yPred) {
    check(yTrue, "yTrue");
    check(yPred, "yPred");
    counts[yTrue * n + yPred]++;
  }

  /** Counts a batch of predictions (class ids); no allocation. */
  public void update(int[] yTrue, int[] yPred) {
    if (yTrue.length != yPred.length) {
      throw new IllegalArgumentException(
          "yTrue has " + yTrue.length + " entries but yPred has " + yPred.length);
    }
    update(yTrue, yPred, 0, yTrue.length);
  }

  /** Counts entries {@code from} (inclusive) to {@code to} (exclusive) of both arrays. */
  public void update(int[] yTrue, int[] yPred, int from, int to) {
    java.util.Objects.checkFromToIndex(from, to, Math.min(yTrue.length, yPred.length));
    for (int i = from; i < to; i++) {
      int t = yTrue[i];
      int p = yPred[i];
      if (t < 0 || t >= n || p < 0 || p >= n) {
        check(t, "yTrue[" + i + "]");
        check(p, "yPred[" + i + "]");
      }
      counts[t * n + p]++;
    }
  }

  /** Adds another shard's counts to these. */
  public void merge(ConfusionMatrix other) {
    if (other.n != n) {
      throw new IllegalArgumentException(
          "cannot merge a " + other.n + "-class matrix into a " + n + "-class one");
    }
    for (int i = 0; i < counts.length; i++) {
      counts[i] += other.counts[i];
    }
  }

  public void reset() {
    Arrays.fill(counts, 0);
  }

  @Override
  public int numLabels() {
    return n;
  }

  public long count(int yTrue, int yPred) {
    return counts[yTrue * n + yPred];
  }

  @Override
  public long truePositives(int label) {
    return counts[label * n + label];
  }

  @Override
  public long predicted(int label) {
    long sum = 0;
    for (int t = 0; t < n; t++) {
      sum += counts[t * n + label];
    }
    return sum;
  }

  @Override
  public long actual(int label) {
    long sum = 0;
    for (int p = 0; p < n; p++) {
      sum += counts[label * n + p];
    }
    return sum;
  }

  public long total() {
    long sum = 0;
    for (long c : counts) {
      sum += c;
    }
    return sum;
  }

  public long correct() {
    long sum = 0;
    for (int c = 0; c < n; c++) {
      sum += counts[c * n + c];
    }
    return sum;
  }

  /** Fraction of predictions that are right; NaN before any update. */
  public double accuracy() {
    long total = total();
    return total == 0 ? Double.NaN : (double) correct() / total;
  }

  /** A copy of all counts, {@code [true][predicted]}. */
  public long[][] matrix() {
    long[][] out = new long[n][];
    for (int t = 0; t < n; t++) {
      out[t] = Arrays.copyOfRange(counts, t * n, (t + 1) * n);
    }
    return out;
  }

  /** The counts restricted to the selected classes, in their order (scikit-learn's labels=). */
  public long[][] matrix(int[] labels) {
    long[][] out = new long[labels.length][labels.length];
    for (int i = 0; i < labels.length; i++) {
      for (int j = 0; j < labels.length; j++) {
        out[i][j] = count(labels[i], labels[j]);
      }
    }
    return out;
  }

  /** Classes that occur as a true or a predicted class, in id order. */
  public int[] observedLabels() {
    return java.util.stream.IntStream.range(0, n)
        .filter(c -> actual(c) > 0 || predicted(c) > 0)
        .toArray();
  }

  private void check(int id, String what) {
    if (id < 0 || id >= n) {
      throw new IllegalArgumentException(
          what + " is class id " + id + "; ids must be in [0, " + n + ")");
    }
  }
}

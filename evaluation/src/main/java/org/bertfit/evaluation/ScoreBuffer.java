package org.bertfit.evaluation;

import java.util.Arrays;
import org.bertfit.evaluation.internal.Json;

/**
 * Keeps score rows (probabilities) with their targets for the ranking metrics (ROC-AUC, average
 * precision, log loss, top-k), which need every score rather than counts. Buffers of shards merge
 * by concatenation; {@link #state()} saves one as JSON. A score that is NaN or infinite is refused
 * with the example and label it belongs to: no metric is defined over it.
 */
public final class ScoreBuffer {
  private final int k;
  private final boolean multiLabel;
  private double[] scores;
  private byte[] targets;
  private int size;

  private ScoreBuffer(int numClasses, boolean multiLabel) {
    if (numClasses < 1) {
      throw new IllegalArgumentException("numClasses must be at least 1; got " + numClasses);
    }
    this.k = numClasses;
    this.multiLabel = multiLabel;
    this.scores = new double[16 * numClasses];
    this.targets = new byte[16 * numClasses];
  }

  /** A buffer for single-label examples: one true class id and one probability row each. */
  public static ScoreBuffer multiClass(int numClasses) {
    return new ScoreBuffer(numClasses, false);
  }

  /** A buffer for multi-label examples: a 0/1 target row and one probability per label each. */
  public static ScoreBuffer multiLabel(int numLabels) {
    return new ScoreBuffer(numLabels, true);
  }

  /**
   * Serialisable contents: for multi-class, {@code classes} holds the true class ids; for
   * multi-label, {@code indicators} holds the 0/1 target rows.
   */
  public record State(
      int numClasses, boolean multiLabel, int[] classes, int[][] indicators, double[][] scores) {}

  public State state() {
    double[][] rows = new double[size][];
    int[] classes = multiLabel ? null : new int[size];
    int[][] indicators = multiLabel ? new int[size][k] : null;
    for (int i = 0; i < size; i++) {
      rows[i] = Arrays.copyOfRange(scores, i * k, (i + 1) * k);
      for (int c = 0; c < k; c++) {
        if (multiLabel) {
          indicators[i][c] = targets[i * k + c];
        } else if (targets[i * k + c] != 0) {
          classes[i] = c;
        }
      }
    }
    return new State(k, multiLabel, classes, indicators, rows);
  }

  /** The state as JSON, to merge with other shards later. */
  public String toJson() {
    return Json.write(state());
  }

  public static ScoreBuffer fromJson(String json) {
    return fromState(Json.read(json, State.class));
  }

  public static ScoreBuffer fromState(State s) {
    ScoreBuffer b = new ScoreBuffer(s.numClasses(), s.multiLabel());
    for (int i = 0; i < s.scores().length; i++) {
      if (s.multiLabel()) {
        b.add(s.indicators()[i], s.scores()[i]);
      } else {
        b.add(s.classes()[i], s.scores()[i]);
      }
    }
    return b;
  }

  /** Adds a single-label example. */
  public void add(int yTrue, double[] row) {
    if (multiLabel) {
      throw new IllegalStateException("this buffer is multi-label: add a 0/1 target row");
    }
    if (yTrue < 0 || yTrue >= k) {
      throw new IllegalArgumentException("yTrue is " + yTrue + "; ids must be in [0, " + k + ")");
    }
    int offset = append(row);
    targets[offset + yTrue] = 1;
  }

  /** Adds a multi-label example: a 0/1 target row (non-zero means present). */
  public void add(int[] trueRow, double[] row) {
    if (!multiLabel) {
      throw new IllegalStateException("this buffer is multi-class: add a class id");
    }
    if (trueRow.length != k) {
      throw new IllegalArgumentException("trueRow has " + trueRow.length + " labels; expected " + k);
    }
    int offset = append(row);
    for (int c = 0; c < k; c++) {
      targets[offset + c] = (byte) (trueRow[c] != 0 ? 1 : 0);
    }
  }

  /** Adds the other buffer's examples after these. */
  public void merge(ScoreBuffer other) {
    if (other.k != k || other.multiLabel != multiLabel) {
      throw new IllegalArgumentException("cannot merge score buffers of different shapes");
    }
    ensure((size + other.size) * k);
    System.arraycopy(other.scores, 0, scores, size * k, other.size * k);
    System.arraycopy(other.targets, 0, targets, size * k, other.size * k);
    size += other.size;
  }

  /** Forgets every example. */
  public void reset() {
    size = 0;
  }

  public int size() {
    return size;
  }

  public int numClasses() {
    return k;
  }

  public boolean isMultiLabel() {
    return multiLabel;
  }

  public double score(int example, int label) {
    return scores[example * k + label];
  }

  public boolean isTarget(int example, int label) {
    return targets[example * k + label] != 0;
  }

  /** The true class of a single-label example. */
  public int trueClass(int example) {
    for (int c = 0; c < k; c++) {
      if (targets[example * k + c] != 0) {
        return c;
      }
    }
    throw new IllegalStateException("example " + example + " has no true class");
  }

  /** A copy of one example's scores. */
  public double[] row(int example) {
    return Arrays.copyOfRange(scores, example * k, (example + 1) * k);
  }

  private int append(double[] row) {
    if (row.length != k) {
      throw new IllegalArgumentException("score row has " + row.length + " values; expected " + k);
    }
    for (int c = 0; c < k; c++) {
      if (!Double.isFinite(row[c])) {
        throw new IllegalArgumentException("example " + (size + 1) + ": the score of label " + c
            + " is " + row[c] + "; scores must be finite probabilities (a model that diverged"
            + " outputs NaN)");
      }
    }
    ensure((size + 1) * k);
    int offset = size * k;
    System.arraycopy(row, 0, scores, offset, k);
    size++;
    return offset;
  }

  private void ensure(int capacity) {
    if (capacity > scores.length) {
      int grown = Math.max(capacity, scores.length * 2);
      scores = Arrays.copyOf(scores, grown);
      targets = Arrays.copyOf(targets, grown);
    }
  }
}

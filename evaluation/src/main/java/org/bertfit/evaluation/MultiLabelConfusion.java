package org.bertfit.evaluation;

import java.util.Arrays;
import org.bertfit.evaluation.internal.LongCounter;
import org.bertfit.evaluation.internal.Json;

/**
 * Streaming multi-label counts: a 2x2 confusion per label, plus what the samples average, subset
 * accuracy and the diagnostics need (a histogram of per-example intersection and set sizes, which
 * keeps the samples average exact under {@link #merge}).
 */
public final class MultiLabelConfusion implements LabelCounts {
  private final int n;
  private final int[] sampleLabels;
  private final boolean[] inSample;
  private final long[] tp;
  private final long[] fp;
  private final long[] fn;
  private final LongCounter sampleHistogram = new LongCounter();
  private long examples;
  private long exactMatches;
  private long emptyPredictions;

  /** Counts over {@code numLabels} labels; the samples average covers all of them. */
  public MultiLabelConfusion(int numLabels) {
    this(numLabels, java.util.stream.IntStream.range(0, numLabels).toArray());
  }

  /**
   * Counts over {@code numLabels} labels; the samples average covers only {@code sampleLabels}
   * (scikit-learn's {@code labels=} restricts each example's sets to them).
   */
  public MultiLabelConfusion(int numLabels, int[] sampleLabels) {
    if (numLabels < 1) {
      throw new IllegalArgumentException("numLabels must be at least 1; got " + numLabels);
    }
    this.n = numLabels;
    this.sampleLabels = sampleLabels.clone();
    this.inSample = new boolean[numLabels];
    for (int label : sampleLabels) {
      inSample[label] = true;
    }
    tp = new long[n];
    fp = new long[n];
    fn = new long[n];
  }

  /**
   * Serialisable counts. {@code samples} holds rows {@code [intersection, predicted, true,
   * examples]} over {@code sampleLabels}.
   */
  public record State(
      int numLabels,
      int[] sampleLabels,
      long[] truePositives,
      long[] falsePositives,
      long[] falseNegatives,
      long examples,
      long exactMatches,
      long emptyPredictions,
      long[][] samples) {}

  public State state() {
    long[] keys = sampleHistogram.sortedKeys();
    long[][] samples = new long[keys.length][];
    long base = sampleLabels.length + 1L;
    for (int i = 0; i < keys.length; i++) {
      long k = keys[i];
      samples[i] = new long[] {k / (base * base), k / base % base, k % base,
          sampleHistogram.get(k)};
    }
    return new State(n, sampleLabels.clone(), tp.clone(), fp.clone(), fn.clone(), examples,
        exactMatches, emptyPredictions, samples);
  }

  /** The state as JSON, to merge with other shards later. */
  public String toJson() {
    return Json.write(state());
  }

  public static MultiLabelConfusion fromJson(String json) {
    return fromState(Json.read(json, State.class));
  }

  public static MultiLabelConfusion fromState(State s) {
    MultiLabelConfusion c = new MultiLabelConfusion(s.numLabels(), s.sampleLabels());
    System.arraycopy(s.truePositives(), 0, c.tp, 0, c.n);
    System.arraycopy(s.falsePositives(), 0, c.fp, 0, c.n);
    System.arraycopy(s.falseNegatives(), 0, c.fn, 0, c.n);
    c.examples = s.examples();
    c.exactMatches = s.exactMatches();
    c.emptyPredictions = s.emptyPredictions();
    for (long[] row : s.samples()) {
      c.sampleHistogram.add(c.key(row[0], row[1], row[2]), row[3]);
    }
    return c;
  }

  /** Counts one example given as 0/1 indicator rows (any non-zero value means present). */
  public void update(int[] trueRow, int[] predRow) {
    checkWidth(trueRow.length, "trueRow");
    checkWidth(predRow.length, "predRow");
    beginRow();
    for (int label = 0; label < n; label++) {
      cell(label, trueRow[label] != 0, predRow[label] != 0);
    }
    endRow();
  }

  /** Counts a batch of 0/1 indicator rows. */
  public void update(int[][] yTrue, int[][] yPred) {
    if (yTrue.length != yPred.length) {
      throw new IllegalArgumentException(
          "yTrue has " + yTrue.length + " rows but yPred has " + yPred.length);
    }
    for (int i = 0; i < yTrue.length; i++) {
      update(yTrue[i], yPred[i]);
    }
  }

  /** Adds another shard's counts to these. */
  public void merge(MultiLabelConfusion other) {
    if (other.n != n || !Arrays.equals(other.sampleLabels, sampleLabels)) {
      throw new IllegalArgumentException("cannot merge counts over different labels");
    }
    for (int i = 0; i < n; i++) {
      tp[i] += other.tp[i];
      fp[i] += other.fp[i];
      fn[i] += other.fn[i];
    }
    examples += other.examples;
    exactMatches += other.exactMatches;
    emptyPredictions += other.emptyPredictions;
    sampleHistogram.addAll(other.sampleHistogram);
  }

  public void reset() {
    Arrays.fill(tp, 0);
    Arrays.fill(fp, 0);
    Arrays.fill(fn, 0);
    examples = 0;
    exactMatches = 0;
    emptyPredictions = 0;
    sampleHistogram.clear();
  }

  @Override
  public int numLabels() {
    return n;
  }

  @Override
  public long truePositives(int label) {
    return tp[label];
  }

  @Override
  public long predicted(int label) {
    return tp[label] + fp[label];
  }

  @Override
  public long actual(int label) {
    return tp[label] + fn[label];
  }

  public long examples() {
    return examples;
  }

  /** Examples for which no label was predicted. */
  public long emptyPredictions() {
    return emptyPredictions;
  }

  /** The 2x2 matrix of one label as scikit-learn's multilabel_confusion_matrix: [[tn, fp], [fn, tp]]. */
  public long[][] matrix(int label) {
    long tn = examples - tp[label] - fp[label] - fn[label];
    return new long[][] {{tn, fp[label]}, {fn[label], tp[label]}};
  }

  /** Fraction of examples whose predicted label set equals the true one. */
  public double subsetAccuracy() {
    return examples == 0 ? Double.NaN : (double) exactMatches / examples;
  }

  /** Fraction of wrong label decisions over all examples and labels. */
  public double hammingLoss() {
    long wrong = 0;
    for (int i = 0; i < n; i++) {
      wrong += fp[i] + fn[i];
    }
    return examples == 0 ? Double.NaN : (double) wrong / ((double) examples * n);
  }

  /** The mean over examples of each example's precision, recall and F-beta over {@code labels}. */
  PrfScores samplesAverage(int[] labels, ZeroDivision zd, double beta) {
    if (!Arrays.equals(labels, sampleLabels)) {
      throw new IllegalArgumentException("the samples average was counted over labels "
          + Arrays.toString(sampleLabels) + ", not " + Arrays.toString(labels));
    }
    long support = 0;
    for (int label : labels) {
      support += actual(label);
    }
    if (examples == 0) {
      return new PrfScores(Double.NaN, Double.NaN, Double.NaN, support);
    }
    long base = sampleLabels.length + 1L;
    double p = 0;
    double r = 0;
    double f = 0;
    for (long key : sampleHistogram.sortedKeys()) {
      long count = sampleHistogram.get(key);
      PrfScores s = PrfScores.fromCounts(key / (base * base), key / base % base, key % base, zd)
          .withFBeta(beta);
      p += count * s.precision();
      r += count * s.recall();
      f += count * s.f1();
    }
    return new PrfScores(p / examples, r / examples, f / examples, support);
  }

  // Per-row scratch: how many selected labels are in both sets, in the prediction, in the truth.
  private int rowBoth;
  private int rowPred;
  private int rowTrue;
  private boolean rowExact;
  private boolean rowEmpty;

  private void beginRow() {
    rowBoth = 0;
    rowPred = 0;
    rowTrue = 0;
    rowExact = true;
    rowEmpty = true;
  }

  private void cell(int label, boolean isTrue, boolean isPred) {
    if (isTrue && isPred) {
      tp[label]++;
    } else if (isPred) {
      fp[label]++;
    } else if (isTrue) {
      fn[label]++;
    }
    rowExact &= isTrue == isPred;
    rowEmpty &= !isPred;
    if (inSample[label]) {
      rowBoth += isTrue && isPred ? 1 : 0;
      rowPred += isPred ? 1 : 0;
      rowTrue += isTrue ? 1 : 0;
    }
  }

  private void endRow() {
    examples++;
    exactMatches += rowExact ? 1 : 0;
    emptyPredictions += rowEmpty ? 1 : 0;
    sampleHistogram.add(key(rowBoth, rowPred, rowTrue), 1);
  }

  private long key(long both, long pred, long truth) {
    long base = sampleLabels.length + 1L;
    return (both * base + pred) * base + truth;
  }

  private void checkWidth(int width, String what) {
    if (width != n) {
      throw new IllegalArgumentException(what + " has " + width + " labels; expected " + n);
    }
  }
}

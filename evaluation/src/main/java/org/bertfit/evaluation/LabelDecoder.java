package org.bertfit.evaluation;

import java.util.stream.IntStream;

/**
 * Turns a row of probabilities into predicted label ids: the most probable label (the first of
 * equals, as numpy's argmax), or for a multi-label model every label whose probability reaches its
 * threshold.
 */
public final class LabelDecoder {
  private final int numLabels;
  private final Thresholds thresholds;

  private LabelDecoder(int numLabels, Thresholds thresholds) {
    this.numLabels = numLabels;
    this.thresholds = thresholds;
  }

  /** One label a text: the most probable. */
  public static LabelDecoder argmax(int numLabels) {
    return new LabelDecoder(numLabels, null);
  }

  /** Any number of labels a text: those at or above their threshold ({@link Thresholds#apply}). */
  public static LabelDecoder thresholds(Thresholds thresholds) {
    return new LabelDecoder(thresholds.labels().size(), thresholds);
  }

  public boolean multiLabel() {
    return thresholds != null;
  }

  /** The multi-label thresholds, or null. */
  public Thresholds thresholds() {
    return thresholds;
  }

  /** An empty accumulator of this rule's decisions over {@code labels}. */
  public Accumulator accumulator(LabelSet labels, boolean keepScores) {
    return thresholds != null
        ? Accumulator.multiLabel(labels, thresholds, keepScores)
        : Accumulator.singleLabel(labels, keepScores);
  }

  public int numLabels() {
    return numLabels;
  }

  /**
   * What the model said about one example: its row of probabilities and the labels decided from
   * it, or for a tagged sentence ({@code firstTokens} not null) each word's row and tag, read at
   * the word's first sub-token ({@code firstTokens[w]}; -1 for a word cut by truncation, which
   * gets zeros and tag -1).
   *
   * @param row {@code [labels]}, or {@code [tokens, labels]} for a tagged sentence
   */
  public Decision decode(float[] row, int[] firstTokens) {
    if (firstTokens == null) {
      return new Decision(row, decide(row, 0));
    }
    float[] rows = new float[firstTokens.length * numLabels];
    int[] tags = new int[firstTokens.length];
    for (int w = 0; w < firstTokens.length; w++) {
      if (firstTokens[w] < 0) {
        tags[w] = -1;
      } else {
        System.arraycopy(row, firstTokens[w] * numLabels, rows, w * numLabels, numLabels);
        tags[w] = decide(row, firstTokens[w] * numLabels)[0];
      }
    }
    return new Decision(rows, tags);
  }

  /**
   * Decided labels with the probabilities they were read from.
   *
   * @param probabilities {@code [labels]}, or for a tagged sentence {@code [words, labels]}
   * @param labels the label ids, ascending; for a tagged sentence one tag id a word, -1 for a word
   *     cut by truncation
   */
  public record Decision(float[] probabilities, int[] labels) {}

  /** The predicted label ids, ascending, of the row starting at {@code offset}. */
  public int[] decide(float[] probabilities, int offset) {
    if (thresholds == null) {
      int best = 0;
      for (int c = 1; c < numLabels; c++) {
        if (probabilities[offset + c] > probabilities[offset + best]) {
          best = c;
        }
      }
      return new int[] {best};
    }
    double[] row = new double[numLabels];
    for (int c = 0; c < numLabels; c++) {
      row[c] = probabilities[offset + c];
    }
    int[] onOff = thresholds.apply(row);
    return IntStream.range(0, numLabels).filter(c -> onOff[c] == 1).toArray();
  }
}

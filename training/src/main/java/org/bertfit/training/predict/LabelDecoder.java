package org.bertfit.training.predict;

import java.util.stream.IntStream;
import org.bertfit.datasets.Example;
import org.bertfit.datasets.tokenize.SubTokenLabels;
import org.bertfit.evaluation.Accumulator;
import org.bertfit.evaluation.LabelSet;
import org.bertfit.evaluation.Thresholds;

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
   * What the model said about {@code example}: from its row of probabilities, or for a tagged
   * sentence ({@code wordIds} not null) from its tokens' rows, each word read at its first
   * sub-token (a word without one, cut by truncation, gets -1).
   */
  public Prediction predict(Example example, float[] row, int[] wordIds) {
    if (wordIds == null) {
      return new Prediction(example, row, decide(row, 0));
    }
    int[] first = SubTokenLabels.firstTokens(wordIds, example.words().size());
    float[] rows = new float[first.length * numLabels];
    int[] tags = new int[first.length];
    for (int w = 0; w < first.length; w++) {
      if (first[w] < 0) {
        tags[w] = -1;
      } else {
        System.arraycopy(row, first[w] * numLabels, rows, w * numLabels, numLabels);
        tags[w] = decide(row, first[w] * numLabels)[0];
      }
    }
    return new Prediction(example, rows, tags);
  }

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

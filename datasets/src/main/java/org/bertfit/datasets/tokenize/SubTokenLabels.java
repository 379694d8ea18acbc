package org.bertfit.datasets.tokenize;

/**
 * How word labels reach sub-word tokens in token classification. Special tokens always get {@link
 * #IGNORED}, the index the loss and the metrics skip.
 */
public enum SubTokenLabels {
  /** The first sub-token of a word keeps its label, the rest get {@link #IGNORED} (the default). */
  FIRST,
  /** Every sub-token of a word gets the word's label. */
  ALL;

  /** The label of tokens that the loss ignores, as in Hugging Face and PyTorch. */
  public static final int IGNORED = -100;

  /**
   * One label a token for {@code wordLabels}, following {@code wordIds} (-1 for special tokens).
   */
  public int[] align(int[] wordIds, int[] wordLabels) {
    int[] out = new int[wordIds.length];
    int previous = -1;
    for (int t = 0; t < wordIds.length; t++) {
      int word = wordIds[t];
      if (word < 0) {
        out[t] = IGNORED;
      } else if (word != previous || this == ALL) {
        out[t] = wordLabels[word];
      } else {
        out[t] = IGNORED;
      }
      previous = word;
    }
    return out;
  }

  /**
   * The inverse, for reading predictions back onto words ("first" strategy): the index of each
   * word's first token, or -1 for a word left without tokens (cut by truncation).
   *
   * @param wordIds each token's word, -1 for special tokens
   * @param words how many words the sentence has
   */
  public static int[] firstTokens(int[] wordIds, int words) {
    int[] first = new int[words];
    java.util.Arrays.fill(first, -1);
    for (int t = wordIds.length - 1; t >= 0; t--) {
      if (wordIds[t] >= 0) {
        first[wordIds[t]] = t;
      }
    }
    return first;
  }
}

package org.bertfit.datasets.tokenize;

/**
 * One text (or text pair) as token ids with special tokens, before padding.
 *
 * @param inputIds token ids, {@code [CLS] ... [SEP]}
 * @param tokenTypeIds segment ids (0 for the first text, 1 for the second of a pair)
 * @param truncated whether tokens were cut to fit the maximum length
 */
public record TokenizedText(int[] inputIds, int[] tokenTypeIds, boolean truncated) {
  public TokenizedText {
    if (inputIds.length != tokenTypeIds.length) {
      throw new IllegalArgumentException(
          "inputIds ("
              + inputIds.length
              + ") and tokenTypeIds ("
              + tokenTypeIds.length
              + ") differ in length");
    }
  }

  /** Number of tokens, special tokens included. */
  public int length() {
    return inputIds.length;
  }
}

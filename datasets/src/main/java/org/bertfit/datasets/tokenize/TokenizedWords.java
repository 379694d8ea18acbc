package org.bertfit.datasets.tokenize;

/**
 * A sentence of words as token ids, with the word each token came from.
 *
 * @param text the token ids with special tokens
 * @param wordIds for each token, the index of its word, or -1 for a special token
 */
public record TokenizedWords(TokenizedText text, int[] wordIds) {
  public TokenizedWords {
    if (wordIds.length != text.length()) {
      throw new IllegalArgumentException(
          wordIds.length + " word ids for " + text.length() + " tokens");
    }
  }
}

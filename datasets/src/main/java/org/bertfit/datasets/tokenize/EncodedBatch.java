package org.bertfit.datasets.tokenize;

import java.util.Arrays;
import java.util.List;

/**
 * A padded batch of token ids in row-major int32 arrays of shape {@code [batchSize, seqLength]},
 * ready to become TensorFlow tensors.
 */
public record EncodedBatch(
    int batchSize, int seqLength, int[] inputIds, int[] attentionMask, int[] tokenTypeIds) {
  public EncodedBatch {
    int n = batchSize * seqLength;
    if (inputIds.length != n || attentionMask.length != n || tokenTypeIds.length != n) {
      throw new IllegalArgumentException(
          "arrays must hold batchSize*seqLength = "
              + n
              + " ids; got "
              + inputIds.length
              + ", "
              + attentionMask.length
              + ", "
              + tokenTypeIds.length);
    }
  }

  /**
   * Pads {@code texts} with id {@code padId} to {@code seqLength}.
   *
   * @throws IllegalArgumentException if a text is longer than {@code seqLength}
   */
  public static EncodedBatch pad(List<TokenizedText> texts, int seqLength, int padId) {
    int batch = texts.size();
    int[] ids = new int[batch * seqLength];
    int[] mask = new int[batch * seqLength];
    int[] types = new int[batch * seqLength];
    if (padId != 0) {
      Arrays.fill(ids, padId);
    }
    for (int row = 0; row < batch; row++) {
      TokenizedText text = texts.get(row);
      if (text.length() > seqLength) {
        throw new IllegalArgumentException(
            "text " + row + " has " + text.length() + " tokens, more than seqLength " + seqLength);
      }
      int offset = row * seqLength;
      System.arraycopy(text.inputIds(), 0, ids, offset, text.length());
      System.arraycopy(text.tokenTypeIds(), 0, types, offset, text.length());
      Arrays.fill(mask, offset, offset + text.length(), 1);
    }
    return new EncodedBatch(batch, seqLength, ids, mask, types);
  }

  /** Pads to the longest text of the batch (dynamic padding). */
  public static EncodedBatch padToLongest(List<TokenizedText> texts, int padId) {
    return padToLongest(texts, padId, 1);
  }

  /**
   * Pads to the longest text of the batch rounded up to a multiple of {@code multipleOf} (8 suits
   * tensor cores and mixed precision).
   */
  public static EncodedBatch padToLongest(List<TokenizedText> texts, int padId, int multipleOf) {
    if (multipleOf < 1) {
      throw new IllegalArgumentException("multipleOf must be >= 1, got " + multipleOf);
    }
    int longest = texts.stream().mapToInt(TokenizedText::length).max().orElse(0);
    return pad(texts, (longest + multipleOf - 1) / multipleOf * multipleOf, padId);
  }

  /** Number of real (unpadded) tokens in row {@code row}. */
  public int length(int row) {
    int count = 0;
    for (int i = row * seqLength; i < (row + 1) * seqLength; i++) {
      count += attentionMask[i];
    }
    return count;
  }
}

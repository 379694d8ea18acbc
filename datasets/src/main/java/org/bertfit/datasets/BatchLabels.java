package org.bertfit.datasets;

/** The labels of a {@link Batch}, shaped for the loss of each {@link Task}. */
public sealed interface BatchLabels
    permits BatchLabels.ClassIds, BatchLabels.MultiHot, BatchLabels.TokenLabels {

  /** The tensor shape. */
  long[] shape();

  /** Single-label: int32 class ids, shape {@code [batch]}. */
  record ClassIds(int[] ids) implements BatchLabels {
    @Override
    public long[] shape() {
      return new long[] {ids.length};
    }
  }

  /** Multi-label: float32 0/1 row-major matrix, shape {@code [batch, numLabels]}. */
  record MultiHot(int numLabels, float[] values) implements BatchLabels {
    @Override
    public long[] shape() {
      return new long[] {values.length / numLabels, numLabels};
    }
  }

  /**
   * Token classification: int32 tag ids for the loss, row-major, shape {@code [batch, seqLength]};
   * -100 marks special tokens, padding and (by default) non-first sub-tokens. For word-level
   * metrics, each row's word ids (the word of each token, -1 for special tokens) and word tags
   * (every word's tag id, words cut by truncation included).
   */
  record TokenLabels(int seqLength, int[] ids, int[][] wordIds, int[][] wordTags)
      implements BatchLabels {
    @Override
    public long[] shape() {
      return new long[] {ids.length / seqLength, seqLength};
    }
  }
}

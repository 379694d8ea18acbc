package org.bertfit.datasets;

import org.bertfit.datasets.tokenize.EncodedBatch;

/**
 * One batch: padded inputs, the labels, and which examples it holds.
 *
 * @param inputs token ids, attention mask and token type ids, {@code [batch, seqLength]}
 * @param labels the labels, or null for an unlabelled dataset
 * @param indices the dataset index of each row (for per-example losses and error analysis)
 */
public record Batch(EncodedBatch inputs, BatchLabels labels, int[] indices) {
  public int size() {
    return indices.length;
  }
}

package org.bertfit.models.io;

import org.bertfit.datasets.tokenize.EncodedBatch;

/**
 * A pretrained source run by its own runtime (TensorFlow for a SavedModel, ONNX Runtime for an ONNX
 * graph): the reference that an import is verified against. It executes the source's graph, so use
 * it only on models you trust.
 */
public interface ReferenceModel extends AutoCloseable {
  /** The fixed sequence length the source takes, or -1 when any length is accepted. */
  int seqLength();

  /** Runs the source on a batch (padded to {@link #seqLength()} when it is fixed). */
  Outputs run(EncodedBatch batch);

  @Override
  void close();

  /**
   * @param pooled {@code [batch, hidden]}, or {@code null} when the source has no pooler
   * @param sequence {@code [batch, seq, hidden]}
   */
  record Outputs(float[] pooled, float[] sequence) {}
}

package org.bertfit.models.graph;

import org.bertfit.datasets.tokenize.EncodedBatch;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TInt32;

/** The three int32 tensors of an {@link EncodedBatch}; closing releases them. */
public final class BatchTensors implements AutoCloseable {
  private final TInt32 inputIds;
  private final TInt32 attentionMask;
  private final TInt32 tokenTypeIds;

  public BatchTensors(EncodedBatch batch) {
    Shape shape = Shape.of(batch.batchSize(), batch.seqLength());
    inputIds = TInt32.tensorOf(shape, DataBuffers.of(batch.inputIds(), true, false));
    attentionMask = TInt32.tensorOf(shape, DataBuffers.of(batch.attentionMask(), true, false));
    tokenTypeIds = TInt32.tensorOf(shape, DataBuffers.of(batch.tokenTypeIds(), true, false));
  }

  public TInt32 inputIds() {
    return inputIds;
  }

  public TInt32 attentionMask() {
    return attentionMask;
  }

  public TInt32 tokenTypeIds() {
    return tokenTypeIds;
  }

  /** A runner with the three inputs fed to {@code inputs}' placeholders. */
  public Session.Runner feed(Session.Runner runner, BertInputs inputs) {
    return runner
        .feed(inputs.inputIds(), inputIds)
        .feed(inputs.attentionMask(), attentionMask)
        .feed(inputs.tokenTypeIds(), tokenTypeIds);
  }

  @Override
  public void close() {
    inputIds.close();
    attentionMask.close();
    tokenTypeIds.close();
  }
}

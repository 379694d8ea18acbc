package org.bertfit.models.graph;

import java.util.Arrays;
import java.util.List;
import org.bertfit.datasets.tokenize.EncodedBatch;

/**
 * What a {@link BatchRunner} fetched for one batch, each output row-major, in the order asked.
 *
 * @param perToken whether the head's outputs are per token, {@code [batch, seq, width]}
 */
public record BatchOutputs(EncodedBatch batch, boolean perToken, List<float[]> values) {
  /** Output {@code i}, row-major. */
  public float[] get(int i) {
    return values.get(i);
  }

  /** Output {@code i} as a scalar (a mean loss). */
  public float scalar(int i) {
    return values.get(i)[0];
  }

  /**
   * Example {@code r}'s values of output {@code i}: its row, or for a per-token output its tokens'
   * rows up to its length (padding left out).
   */
  public float[] row(int i, int r) {
    float[] all = values.get(i);
    int width = all.length / batch.batchSize();
    int used = perToken ? batch.length(r) * (width / batch.seqLength()) : width;
    return Arrays.copyOfRange(all, r * width, r * width + used);
  }
}

package org.bertfit.models.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bertfit.datasets.tokenize.EncodedBatch;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat32;

/**
 * Runs encoded batches through a classifier's inference graph: the one session path of prediction
 * (bertfit predict, Spark) and of {@code Model.predict}, {@code evaluate} and validation. Feeds the
 * three inputs and any extra tensors (the labels of a loss), and fetches float outputs.
 */
public final class BatchRunner {
  private final Session session;
  private final BertInputs inputs;
  private final boolean perToken;

  /**
   * @param perToken whether the graph's head is per token ({@code [batch, seq, labels]}), so that
   *     each example's rows end at its length
   */
  public BatchRunner(Session session, BertInputs inputs, boolean perToken) {
    this.session = session;
    this.inputs = inputs;
    this.perToken = perToken;
  }

  /** Runs {@code batch} and fetches {@code fetches}, in order. */
  public BatchOutputs run(EncodedBatch batch, List<Operand<TFloat32>> fetches) {
    return run(batch, fetches, Map.of());
  }

  /**
   * Runs {@code batch} with {@code feeds} fed besides the inputs (the caller closes them) and
   * fetches {@code fetches}, in order.
   */
  public BatchOutputs run(
      EncodedBatch batch, List<Operand<TFloat32>> fetches, Map<Operand<?>, Tensor> feeds) {
    try (BatchTensors tensors = new BatchTensors(batch)) {
      Session.Runner runner = tensors.feed(session.runner(), inputs);
      feeds.forEach(runner::feed);
      fetches.forEach(runner::fetch);
      try (Result result = runner.run()) {
        List<float[]> values = new ArrayList<>(fetches.size());
        for (int i = 0; i < fetches.size(); i++) {
          values.add(Floats.of((TFloat32) result.get(i)));
        }
        return new BatchOutputs(batch, perToken, values);
      }
    }
  }
}

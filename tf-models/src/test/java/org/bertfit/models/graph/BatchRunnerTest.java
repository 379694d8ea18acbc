package org.bertfit.models.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bertfit.datasets.tokenize.EncodedBatch;
import org.bertfit.datasets.Task;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** The one session path: rows cut per example, and extra feeds reaching the graph. */
class BatchRunnerTest {
  private static final int LABELS = 3;

  @Test
  void perTokenRowsEndAtEachExamplesLength() {
    EncodedBatch batch = TinyBert.batch(3, 8, 5, 3);
    try (InferenceModel model =
        InferenceModel.create(TinyBert.config(Task.TOKEN_CLASSIFICATION, LABELS)).initialize(1)) {
      BatchOutputs out = model.runner().run(batch, List.of(model.outputs().probabilities()));
      float[] all = out.get(0);
      assertThat(all).hasSize(2 * 8 * LABELS);
      assertThat(out.row(0, 0)).hasSize(5 * LABELS)
          .containsExactly(Arrays.copyOfRange(all, 0, 5 * LABELS));
      assertThat(out.row(0, 1)).hasSize(3 * LABELS)
          .containsExactly(Arrays.copyOfRange(all, 8 * LABELS, 8 * LABELS + 3 * LABELS));
    }
  }

  @Test
  void textRowsAreWholeAndExtraFeedsReplaceGraphValues() {
    EncodedBatch batch = TinyBert.batch(4, 8, 6, 2);
    float[] logits = {2f, 0f, -1f, 0.5f, 0.5f, 0.5f};
    try (InferenceModel model = InferenceModel.create(TinyBert.config()).initialize(1);
        TFloat32 fed = TFloat32.tensorOf(Shape.of(2, LABELS), DataBuffers.of(logits, true, false))) {
      BatchOutputs out = model.runner().run(
          batch, List.of(model.outputs().probabilities()), Map.of(model.outputs().logits(), fed));
      // softmax([2, 0, -1]) by hand: e^2, e^0, e^-1 over their sum 8.7572
      assertThat(out.row(0, 0)[0]).isCloseTo(0.84379f, within(1e-5f));
      assertThat(out.row(0, 0)[1]).isCloseTo(0.11419f, within(1e-5f));
      assertThat(out.row(0, 0)[2]).isCloseTo(0.04201f, within(1e-5f));
      assertThat(out.row(0, 1)).containsExactly(new float[] {1 / 3f, 1 / 3f, 1 / 3f}, within(1e-6f));
    }
  }
}

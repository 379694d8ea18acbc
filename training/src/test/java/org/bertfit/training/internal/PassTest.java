package org.bertfit.training.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.bertfit.datasets.BatchLabels;
import org.bertfit.evaluation.Average;
import org.bertfit.evaluation.LabelDecoder;
import org.bertfit.evaluation.LabelSet;
import org.bertfit.training.metrics.Metric;
import org.junit.jupiter.api.Test;

/** Word-level entity counts of token classification through the metrics of a pass, worked by hand. */
class PassTest {
  private static final List<String> TAGS = List.of("O", "B-PER", "I-PER", "B-LOC");

  /** A probability row that puts {@code 0.7} on {@code tag}. */
  private static float[] row(int tag) {
    float[] p = {0.1f, 0.1f, 0.1f, 0.1f};
    p[tag] = 0.7f;
    return p;
  }

  @Test
  void wordsArePredictedByTheirFirstSubTokenAndCutWordsAreOutside() {
    // sentence 1, "Peter Blackburn said": [CLS] pe ##ter black ##burn [SEP], "said" cut;
    // sentence 2, "in Paris": [CLS] in [SEP], "Paris" cut; both padded to 6 tokens
    int[][] wordIds = {{-1, 0, 0, 1, 1, -1}, {-1, 0, -1}};
    int[][] wordTags = {{1, 2, 0}, {0, 3}};
    int[] ids = {-100, 1, -100, 2, -100, -100, -100, 0, -100, -100, -100, -100};
    // first sub-tokens predict B-PER, I-PER and O; the others (ignored) would say otherwise
    int[] argmax = {0, 1, 0, 2, 1, 0, 0, 0, 0, 0, 0, 0};
    float[] probabilities = new float[12 * 4];
    for (int t = 0; t < 12; t++) {
      System.arraycopy(row(argmax[t]), 0, probabilities, t * 4, 4);
    }
    Pass pass = new Pass(List.of(Metric.accuracy(), Metric.f1(Average.MICRO),
        Metric.recall(Average.MICRO), Metric.f1PerClass()));
    pass.update(
        PredictionBatches.of(new BatchLabels.TokenLabels(6, ids, wordIds, wordTags), probabilities,
            LabelSet.of(TAGS), LabelDecoder.argmax(TAGS.size())),
        0.25);

    Map<String, Double> results = pass.values();
    // PER 0-1 found; LOC 1-1 in sentence 2 cut, predicted O: missed. Words right: 3 + 1 of 5.
    assertThat(results).containsOnlyKeys("loss", "accuracy", "f1_micro", "recall_micro", "f1_PER",
        "f1_LOC");
    assertThat(results.get("loss")).isCloseTo(0.25, within(1e-12));
    assertThat(results.get("accuracy")).isCloseTo(4.0 / 5, within(1e-12));
    assertThat(results.get("recall_micro")).isCloseTo(0.5, within(1e-12));
    assertThat(results.get("f1_micro")).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(results.get("f1_PER")).isEqualTo(1.0);
    assertThat(results.get("f1_LOC")).isEqualTo(0.0);

    pass.reset();
    assertThat(pass.values().get("accuracy")).isNaN();
    assertThat(pass.values().get("loss")).isNaN();
  }
}

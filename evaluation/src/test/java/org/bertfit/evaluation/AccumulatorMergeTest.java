package org.bertfit.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.bertfit.evaluation.report.JsonReport;
import org.junit.jupiter.api.Test;

/** Shards accumulated apart, saved as JSON and merged give exactly the one-pass result. */
class AccumulatorMergeTest {
  private static final int CLASSES = 5;

  @Test
  void multiClassShardsMergeExactly() {
    Random random = new Random(7);
    ConfusionMatrix whole = new ConfusionMatrix(CLASSES);
    ScoreBuffer wholeScores = ScoreBuffer.multiClass(CLASSES);
    ConfusionMatrix merged = new ConfusionMatrix(CLASSES);
    ScoreBuffer mergedScores = ScoreBuffer.multiClass(CLASSES);
    for (int shard = 0; shard < 4; shard++) {
      ConfusionMatrix part = new ConfusionMatrix(CLASSES);
      ScoreBuffer partScores = ScoreBuffer.multiClass(CLASSES);
      for (int i = 0; i < 50; i++) {
        int t = random.nextInt(CLASSES);
        double[] row = probabilities(random);
        int p = random.nextInt(CLASSES);
        whole.update(t, p);
        part.update(t, p);
        wholeScores.add(t, row);
        partScores.add(t, row);
      }
      merged.merge(ConfusionMatrix.fromJson(part.toJson()));
      mergedScores.merge(ScoreBuffer.fromJson(partScores.toJson()));
    }
    LabelSet labels = LabelSet.of(java.util.List.of("a", "b", "c", "d", "e"));
    Evaluator evaluator = Evaluator.builder().build();
    assertThat(JsonReport.toJson(evaluator.multiClass(labels, merged, mergedScores)))
        .isEqualTo(JsonReport.toJson(evaluator.multiClass(labels, whole, wholeScores)));
  }

  @Test
  void multiLabelShardsMergeExactly() {
    Random random = new Random(11);
    MultiLabelConfusion whole = new MultiLabelConfusion(CLASSES);
    MultiLabelConfusion merged = new MultiLabelConfusion(CLASSES);
    for (int shard = 0; shard < 3; shard++) {
      MultiLabelConfusion part = new MultiLabelConfusion(CLASSES);
      for (int i = 0; i < 40; i++) {
        int[] t = new int[CLASSES];
        int[] p = new int[CLASSES];
        for (int c = 0; c < CLASSES; c++) {
          t[c] = random.nextInt(3) == 0 ? 1 : 0;
          p[c] = random.nextInt(3) == 0 ? 1 : 0;
        }
        whole.update(t, p);
        part.update(t, p);
      }
      merged.merge(MultiLabelConfusion.fromJson(part.toJson()));
    }
    LabelSet labels = LabelSet.of(java.util.List.of("a", "b", "c", "d", "e"));
    Evaluator evaluator = Evaluator.builder().build();
    assertThat(JsonReport.toJson(evaluator.multiLabel(labels, merged, null)))
        .isEqualTo(JsonReport.toJson(evaluator.multiLabel(labels, whole, null)));
    assertThat(merged.state()).usingRecursiveComparison().isEqualTo(whole.state());
  }

  @Test
  void macroF1ByHand() {
    ConfusionMatrix cm = new ConfusionMatrix(3);
    cm.update(new int[] {0, 2, 1}, new int[] {0, 2, 0});
    // class 0 P 1/2 R 1 F 2/3; class 1 F 0; class 2 F 1 -> (2/3 + 0 + 1) / 3
    assertThat(PrecisionRecall.f1(cm, Average.MACRO)).isEqualTo((2.0 / 3 + 1) / 3);
  }

  @Test
  void rejectsIdsOutOfRangeNamingThem() {
    ConfusionMatrix cm = new ConfusionMatrix(3);
    assertThatThrownBy(() -> cm.update(new int[] {0, 1}, new int[] {2, 3}))
        .hasMessage("yPred[1] is class id 3; ids must be in [0, 3)");
    assertThatThrownBy(() -> cm.merge(new ConfusionMatrix(4)))
        .hasMessageContaining("cannot merge a 4-class matrix into a 3-class one");
  }

  private static double[] probabilities(Random random) {
    double[] row = new double[CLASSES];
    double sum = 0;
    for (int c = 0; c < CLASSES; c++) {
      row[c] = 1 + random.nextInt(9);
      sum += row[c];
    }
    for (int c = 0; c < CLASSES; c++) {
      row[c] /= sum;
    }
    return row;
  }
}

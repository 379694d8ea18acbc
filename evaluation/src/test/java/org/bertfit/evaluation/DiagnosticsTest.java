package org.bertfit.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The warnings seed 004 needed, and the majority baseline of seed 003, on hand-worked data. */
class DiagnosticsTest {
  private static final LabelSet EMOTIONS = LabelSet.of(List.of("anger", "joy", "sadness"));

  @Test
  void singleClassModelIsFlaggedAndMatchesTheBaseline() {
    // 6 joy, 3 sadness, 1 anger; the model always says joy
    ConfusionMatrix cm = new ConfusionMatrix(3);
    cm.update(new int[] {1, 1, 1, 1, 1, 1, 2, 2, 2, 0}, new int[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1});
    EvaluationReport report = Evaluator.builder().build().multiClass(EMOTIONS, cm, null);
    // baseline = always joy: accuracy 6/10; joy F1 2*0.6*1/1.6 = 0.75; macro over 3 = 0.25
    assertThat(report.baseline().prediction()).isEqualTo("always 'joy'");
    assertThat(report.baseline().accuracy()).isEqualTo(0.6);
    assertThat(report.baseline().macroF1()).isCloseTo(0.25, within(1e-12));
    assertThat(codes(report)).containsExactly("zero-division-precision", "never-predicted",
        "tiny-support", "single-class", "accuracy-gap", "baseline");
    assertThat(message(report, "never-predicted"))
        .isEqualTo("2 of 3 classes are never predicted: anger, sadness");
    assertThat(message(report, "tiny-support")).isEqualTo("fewer than 10 true examples, so their"
        + " scores are unreliable: anger (1), joy (6), sadness (3)");
    assertThat(message(report, "single-class"))
        .isEqualTo("the model predicts only 'joy', for all 10 examples");
    assertThat(message(report, "zero-division-precision")).contains("anger, sadness");
    // accuracy 0.6 vs macro F1 0.25
    assertThat(message(report, "accuracy-gap")).startsWith("accuracy 0.60 but macro F1 0.25");
  }

  @Test
  void multiLabelModelPredictingNothingIsFlagged() {
    // seed 004: 4 examples, 3 labels, nothing ever predicted
    MultiLabelConfusion counts = new MultiLabelConfusion(3);
    counts.update(new int[][] {{1, 0, 0}, {0, 1, 0}, {1, 1, 0}, {0, 0, 1}},
        new int[][] {{0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}});
    EvaluationReport report = Evaluator.builder()
        .options(ReportOptions.builder().zeroDivision(ZeroDivision.ZERO).build())
        .build()
        .multiLabel(EMOTIONS, counts, null);
    assertThat(codes(report)).containsExactly("never-predicted", "tiny-support", "all-zero-f1",
        "empty-predictions", "baseline");
    assertThat(message(report, "empty-predictions"))
        .isEqualTo("no label is predicted for 4 of 4 examples (100%)");
    // each label is in at most half the examples: the per-label majority predicts nothing
    assertThat(report.baseline().prediction()).isEqualTo("no labels");
    assertThat(report.baseline().macroF1()).isZero();
  }

  @Test
  void healthyModelGetsNoWarnings() {
    ConfusionMatrix cm = new ConfusionMatrix(2);
    for (int i = 0; i < 20; i++) {
      cm.update(i % 2, i % 2);
    }
    cm.update(0, 1);
    EvaluationReport report = Evaluator.builder().build()
        .multiClass(LabelSet.of(List.of("neg", "pos")), cm, null);
    assertThat(report.warnings()).isEmpty();
  }

  private static List<String> codes(EvaluationReport report) {
    return report.warnings().stream().map(Diagnostic::code).toList();
  }

  private static String message(EvaluationReport report, String code) {
    return report.warnings().stream().filter(d -> d.code().equals(code)).findFirst()
        .orElseThrow().message();
  }
}

package org.bertfit.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.bertfit.evaluation.Calibration.Binning;
import org.bertfit.evaluation.report.JsonReport;
import org.bertfit.evaluation.report.TextReport;
import org.junit.jupiter.api.Test;

/**
 * The calibration figures of a report are {@link Calibration}'s (checked against scikit-learn in
 * {@link CalibrationGoldenTest}) on the same scores, in every writer; a report without scores has
 * none.
 */
class CalibrationFiguresTest {
  private static final LabelSet LABELS = LabelSet.of(List.of("anger", "fear", "joy"));

  @Test
  void singleLabelReportHasTopLabelCalibration() {
    Random random = new Random(7);
    ConfusionMatrix cm = new ConfusionMatrix(3);
    ScoreBuffer scores = ScoreBuffer.multiClass(3);
    for (int i = 0; i < 120; i++) {
      double[] row = {random.nextDouble(), random.nextDouble(), random.nextDouble()};
      double sum = row[0] + row[1] + row[2];
      int best = 0;
      for (int c = 0; c < 3; c++) {
        row[c] /= sum;
        best = row[c] > row[best] ? c : best;
      }
      int truth = random.nextDouble() < row[best] ? best : random.nextInt(3);
      cm.update(truth, best);
      scores.add(truth, row);
    }
    EvaluationReport report = Evaluator.builder().build().multiClass(LABELS, cm, scores);
    Calibration.Curve width = Calibration.topLabel(scores, 15, Binning.EQUAL_WIDTH);
    assertFigure(report, "ece", width.ece());
    assertFigure(report, "ece_equal_mass", Calibration.topLabel(scores, 15, Binning.EQUAL_MASS).ece());
    assertFigure(report, "mce", width.mce());
    assertFigure(report, "brier", Calibration.brier(scores));
    assertThat(width.ece()).isGreaterThan(0);
    assertThat(JsonReport.toJson(report).get("ece").asDouble()).isEqualTo(width.ece());
    assertThat(TextReport.format(report)).contains("ECE (15 equal-width bins)", "Brier score");
  }

  @Test
  void multiLabelReportHasPerLabelCalibrationAndItsMean() {
    Random random = new Random(11);
    MultiLabelConfusion counts = new MultiLabelConfusion(3);
    ScoreBuffer scores = ScoreBuffer.multiLabel(3);
    for (int i = 0; i < 150; i++) {
      double[] row = new double[3];
      int[] truth = new int[3];
      for (int c = 0; c < 3; c++) {
        row[c] = random.nextDouble();
        truth[c] = random.nextDouble() < row[c] * row[c] ? 1 : 0;
      }
      counts.update(truth, new int[] {row[0] >= 0.5 ? 1 : 0, row[1] >= 0.5 ? 1 : 0,
          row[2] >= 0.5 ? 1 : 0});
      scores.add(truth, row);
    }
    EvaluationReport report = Evaluator.builder().build().multiLabel(LABELS, counts, scores);
    double[] mean = new double[3];
    for (int c = 0; c < 3; c++) {
      String name = LABELS.name(c);
      Calibration.Curve width = Calibration.label(scores, c, 15, Binning.EQUAL_WIDTH);
      Calibration.Curve mass = Calibration.label(scores, c, 15, Binning.EQUAL_MASS);
      assertFigure(report, name + "_ece", width.ece());
      assertFigure(report, name + "_ece_equal_mass", mass.ece());
      assertFigure(report, name + "_mce", width.mce());
      assertFigure(report, name + "_brier", Calibration.brier(scores, c));
      mean[0] += width.ece() / 3;
      mean[1] += mass.ece() / 3;
      mean[2] += width.mce() / 3;
    }
    assertFigure(report, "ece_macro", mean[0]);
    assertFigure(report, "ece_equal_mass_macro", mean[1]);
    assertFigure(report, "mce_macro", mean[2]);
    assertFigure(report, "brier", Calibration.brier(scores));
    assertThat(TextReport.format(report)).contains("ECE (15 equal-mass bins, fear)");
  }

  @Test
  void reportWithoutScoresHasNoCalibrationFigures() {
    ConfusionMatrix cm = new ConfusionMatrix(3);
    cm.update(new int[] {0, 1, 2, 2}, new int[] {0, 2, 2, 1});
    EvaluationReport report = Evaluator.builder().build().multiClass(LABELS, cm, null);
    assertThat(report.figures()).extracting(Figure::key)
        .noneMatch(k -> k.contains("ece") || k.contains("mce") || k.contains("brier"));
    assertThat(report.scores()).isNull();
  }

  private static void assertFigure(EvaluationReport report, String key, double expected) {
    assertThat(report.figure(key)).as(key).isPresent();
    assertThat(report.figure(key).get().value()).as(key).isCloseTo(expected, within(1e-15));
  }
}

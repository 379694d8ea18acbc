package org.bertfit.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.bertfit.evaluation.Calibration.Binning;
import org.bertfit.evaluation.Calibration.Curve;

/**
 * The calibration figures of a report with probabilities: ECE over 15 equal-width and 15
 * equal-mass bins, MCE over the equal-width bins, and the Brier score. Single-label: top-label
 * calibration. Multi-label: each label's, then their mean over labels.
 */
final class CalibrationFigures {
  private static final int BINS = Calibration.REPORT_BINS;

  private CalibrationFigures() {}

  static List<Figure> of(ScoreBuffer scores, LabelSet labels) {
    if (scores.size() == 0) {
      return List.of();
    }
    if (!scores.isMultiLabel()) {
      return figures(null, Calibration.topLabel(scores, BINS, Binning.EQUAL_WIDTH),
          Calibration.topLabel(scores, BINS, Binning.EQUAL_MASS), Calibration.brier(scores));
    }
    int k = scores.numClasses();
    double[] sum = new double[3];
    List<Figure> perLabel = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      Curve width = Calibration.label(scores, c, BINS, Binning.EQUAL_WIDTH);
      Curve mass = Calibration.label(scores, c, BINS, Binning.EQUAL_MASS);
      perLabel.addAll(figures(labels.name(c), width, mass,
          Calibration.brier(scores, c)));
      sum[0] += width.ece();
      sum[1] += mass.ece();
      sum[2] += width.mce();
    }
    List<Figure> out = new ArrayList<>();
    out.add(new Figure("ece_macro", "ECE (" + BINS + " equal-width bins, macro)", sum[0] / k));
    out.add(new Figure("ece_equal_mass_macro", "ECE (" + BINS + " equal-mass bins, macro)",
        sum[1] / k));
    out.add(new Figure("mce_macro", "MCE (" + BINS + " equal-width bins, macro)", sum[2] / k));
    out.add(new Figure("brier", "Brier score (mean over labels)", Calibration.brier(scores)));
    out.addAll(perLabel);
    return out;
  }

  /** The four figures of one curve pair; {@code label} is null for top-label calibration. */
  private static List<Figure> figures(String label, Curve width, Curve mass, double brier) {
    String key = label == null ? "" : label + "_";
    String of = label == null ? "" : ", " + label;
    return List.of(
        new Figure(key + "ece", "ECE (" + BINS + " equal-width bins" + of + ")", width.ece()),
        new Figure(key + "ece_equal_mass", "ECE (" + BINS + " equal-mass bins" + of + ")",
            mass.ece()),
        new Figure(key + "mce", "MCE (" + BINS + " equal-width bins" + of + ")", width.mce()),
        new Figure(key + "brier", "Brier score" + (label == null ? "" : " (" + label + ")"),
            brier));
  }
}

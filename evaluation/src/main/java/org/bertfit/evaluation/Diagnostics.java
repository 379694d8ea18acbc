package org.bertfit.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.bertfit.evaluation.internal.Decimals;

/** Looks for the signs of a degenerate model or unreliable figures (see {@link DiagnosticsConfig}). */
final class Diagnostics {
  private final DiagnosticsConfig config;

  Diagnostics(DiagnosticsConfig config) {
    this.config = config;
  }

  /**
   * The warnings about a report of {@code counts} over the {@code selected} labels; {@code
   * accuracy} is the multi-class accuracy or the multi-label micro F1.
   */
  List<Diagnostic> check(LabelCounts counts, int[] selected, ClassificationReport report,
      double accuracy, Baseline baseline) {
    List<Diagnostic> out = new ArrayList<>();
    List<String> neverPredicted = new ArrayList<>();
    List<String> tiny = new ArrayList<>();
    List<String> predictedOnly = new ArrayList<>();
    int zeroF1 = 0;
    for (int i = 0; i < selected.length; i++) {
      String name = report.classes().get(i).name();
      long actual = counts.actual(selected[i]);
      long predicted = counts.predicted(selected[i]);
      if (actual > 0 && predicted == 0) {
        neverPredicted.add(name);
      }
      if (actual > 0 && actual < config.minSupport()) {
        tiny.add(name + " (" + actual + ")");
      }
      if (predicted > 0) {
        predictedOnly.add(name);
      }
      zeroF1 += report.classes().get(i).scores().f1() == 0 ? 1 : 0;
    }
    if (!neverPredicted.isEmpty()) {
      out.add(new Diagnostic("never-predicted", neverPredicted.size() + " of " + selected.length
          + " classes are never predicted: " + String.join(", ", neverPredicted)));
    }
    if (!tiny.isEmpty()) {
      out.add(new Diagnostic("tiny-support", "fewer than " + config.minSupport()
          + " true examples, so their scores are unreliable: " + String.join(", ", tiny)));
    }
    if (counts instanceof ConfusionMatrix cm && predictedOnly.size() == 1 && selected.length > 1) {
      out.add(new Diagnostic("single-class", "the model predicts only '" + predictedOnly.get(0)
          + "', for all " + cm.total() + " examples"));
    }
    if (selected.length > 1 && zeroF1 == selected.length) {
      out.add(new Diagnostic("all-zero-f1", "every class has F1 0: the model has learnt nothing"
          + " that the report can see"));
    }
    if (counts instanceof MultiLabelConfusion m && m.examples() > 0) {
      double empty = (double) m.emptyPredictions() / m.examples();
      if (empty > config.maxEmptyFraction()) {
        out.add(new Diagnostic("empty-predictions", "no label is predicted for "
            + m.emptyPredictions() + " of " + m.examples() + " examples ("
            + Decimals.fixed(100 * empty, 0) + "%)"));
      }
    }
    report.average(Average.MACRO).ifPresent(macro -> {
      String what = counts instanceof MultiLabelConfusion ? "micro F1" : "accuracy";
      if (accuracy - macro.f1() > config.maxAccuracyGap()) {
        out.add(new Diagnostic("accuracy-gap", what + " " + Decimals.fixed(accuracy, 2)
            + " but macro F1 " + Decimals.fixed(macro.f1(), 2)
            + ": the small classes do much worse than the large ones"));
      }
      if (macro.f1() <= baseline.macroF1() + config.baselineMargin()) {
        out.add(new Diagnostic("baseline", "macro F1 " + Decimals.fixed(macro.f1(), 4)
            + " is no better than the majority-class baseline (" + baseline.prediction()
            + "): macro F1 " + Decimals.fixed(baseline.macroF1(), 4)));
      }
    });
    return out;
  }
}

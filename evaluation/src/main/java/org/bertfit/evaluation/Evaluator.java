package org.bertfit.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns accumulated counts (and optionally scores) into an {@link EvaluationReport}: the
 * classification report, the confusion matrix, agreement and ranking metrics, the majority
 * baseline and the diagnostics.
 */
public final class Evaluator {
  private final ReportOptions options;
  private final Diagnostics diagnostics;
  private final int topK;
  private final int confusedPairs;

  private Evaluator(Builder b) {
    this.options = b.options;
    this.diagnostics = new Diagnostics(b.diagnostics);
    this.topK = b.topK;
    this.confusedPairs = b.confusedPairs;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Evaluates single-label predictions; {@code scores} (probability rows) may be null. */
  public EvaluationReport multiClass(LabelSet labels, ConfusionMatrix cm, ScoreBuffer scores) {
    ClassificationReport report = ClassificationReport.of(cm, labels, options);
    int[] selected = ClassificationReport.selectedLabels(cm, labels, options);
    List<Figure> figures = new ArrayList<>();
    figures.add(new Figure("matthews_corrcoef", "Matthews correlation",
        ConfusionMetrics.matthews(cm)));
    figures.add(new Figure("cohen_kappa", "Cohen's kappa",
        ConfusionMetrics.cohenKappa(cm, KappaWeights.NONE)));
    figures.add(new Figure("cohen_kappa_linear", "Cohen's kappa (linear weights)",
        ConfusionMetrics.cohenKappa(cm, KappaWeights.LINEAR)));
    figures.add(new Figure("cohen_kappa_quadratic", "Cohen's kappa (quadratic weights)",
        ConfusionMetrics.cohenKappa(cm, KappaWeights.QUADRATIC)));
    figures.add(new Figure("balanced_accuracy", "Balanced accuracy",
        ConfusionMetrics.balancedAccuracy(cm)));
    figures.add(new Figure("hamming_loss", "Hamming loss", 1 - cm.accuracy()));
    if (scores != null) {
      requireShape(scores, labels, false);
      figures.addAll(multiClassRanking(scores));
      figures.addAll(CalibrationFigures.of(scores, labels));
    }
    double[] specificity = specificity(cm, cm.total(), selected);
    Baseline baseline = Baseline.of(cm, labels, selected);
    List<Diagnostic> warnings = new ArrayList<>(report.warnings());
    warnings.addAll(diagnostics.check(cm, selected, report, cm.accuracy(), baseline));
    return new EvaluationReport(false, labels, report, names(report), cm.matrix(selected),
        specificity, figures, baseline, warnings, null,
        ErrorAnalysis.ofPairs(cm, labels, confusedPairs), scores, options.digits());
  }

  /** Evaluates multi-label predictions; {@code scores} (probabilities per label) may be null. */
  public EvaluationReport multiLabel(LabelSet labels, MultiLabelConfusion counts,
      ScoreBuffer scores) {
    ClassificationReport report = ClassificationReport.of(counts, labels, options);
    int[] selected = ClassificationReport.selectedLabels(counts, labels, options);
    List<Figure> figures = new ArrayList<>();
    figures.add(new Figure("hamming_loss", "Hamming loss", counts.hammingLoss()));
    figures.add(new Figure("subset_accuracy", "Subset accuracy (exact match)",
        counts.subsetAccuracy()));
    if (scores != null) {
      requireShape(scores, labels, true);
      figures.add(new Figure("roc_auc_macro", "ROC-AUC (macro)",
          RankingMetrics.rocAuc(scores, Average.MACRO)));
      figures.add(new Figure("roc_auc_micro", "ROC-AUC (micro)",
          RankingMetrics.rocAuc(scores, Average.MICRO)));
      figures.add(new Figure("average_precision_macro", "Average precision (macro)",
          RankingMetrics.averagePrecision(scores, Average.MACRO)));
      figures.add(new Figure("average_precision_micro", "Average precision (micro)",
          RankingMetrics.averagePrecision(scores, Average.MICRO)));
      figures.addAll(CalibrationFigures.of(scores, labels));
    }
    long[][] confusion = new long[selected.length][];
    for (int i = 0; i < selected.length; i++) {
      long[][] m = counts.matrix(selected[i]);
      confusion[i] = new long[] {m[0][0], m[0][1], m[1][0], m[1][1]};
    }
    double[] specificity = specificity(counts, counts.examples(), selected);
    Baseline baseline = Baseline.of(counts, selected);
    double microF1 = PrecisionRecall.average(counts, selected, Average.MICRO,
        options.zeroDivision()).f1();
    List<Diagnostic> warnings = new ArrayList<>(report.warnings());
    warnings.addAll(diagnostics.check(counts, selected, report, microF1, baseline));
    return new EvaluationReport(true, labels, report, names(report), confusion, specificity,
        figures, baseline, warnings, null, null, scores, options.digits());
  }

  private List<Figure> multiClassRanking(ScoreBuffer scores) {
    List<Figure> out = new ArrayList<>();
    if (scores.numClasses() == 2) {
      out.add(new Figure("roc_auc", "ROC-AUC", RankingMetrics.rocAuc(scores, 1)));
      out.add(new Figure("average_precision", "Average precision",
          RankingMetrics.averagePrecision(scores, 1)));
    } else {
      out.add(new Figure("roc_auc_ovr_macro", "ROC-AUC (one-vs-rest, macro)",
          RankingMetrics.rocAuc(scores, Average.MACRO)));
      out.add(new Figure("roc_auc_ovr_weighted", "ROC-AUC (one-vs-rest, weighted)",
          RankingMetrics.rocAuc(scores, Average.WEIGHTED)));
      out.add(new Figure("roc_auc_ovo_macro", "ROC-AUC (one-vs-one, macro)",
          RankingMetrics.rocAucOneVsOne(scores, Average.MACRO)));
      out.add(new Figure("roc_auc_ovo_weighted", "ROC-AUC (one-vs-one, weighted)",
          RankingMetrics.rocAucOneVsOne(scores, Average.WEIGHTED)));
      out.add(new Figure("average_precision_macro", "Average precision (one-vs-rest, macro)",
          RankingMetrics.averagePrecision(scores, Average.MACRO)));
      out.add(new Figure("top_" + topK + "_accuracy", "Top-" + topK + " accuracy",
          RankingMetrics.topKAccuracy(scores, topK)));
    }
    out.add(new Figure("log_loss", "Log loss", RankingMetrics.logLoss(scores)));
    return out;
  }

  private double[] specificity(LabelCounts counts, long examples, int[] selected) {
    return Arrays.stream(selected)
        .mapToDouble(c -> ConfusionMetrics.specificity(
            counts, examples, c, options.zeroDivision()))
        .toArray();
  }

  private static List<String> names(ClassificationReport report) {
    return report.classes().stream().map(ReportRow::name).toList();
  }

  private static void requireShape(ScoreBuffer scores, LabelSet labels, boolean multiLabel) {
    if (scores.numClasses() != labels.size() || scores.isMultiLabel() != multiLabel) {
      throw new IllegalArgumentException("scores have " + scores.numClasses() + " columns ("
          + (scores.isMultiLabel() ? "multi-label" : "multi-class") + "); the labels are "
          + labels.size() + ": " + labels);
    }
  }

  /** Builds an {@link Evaluator}. */
  public static final class Builder {
    private ReportOptions options = ReportOptions.defaults();
    private DiagnosticsConfig diagnostics = DiagnosticsConfig.defaults();
    private int topK = 2;
    private int confusedPairs = 10;

    public Builder options(ReportOptions options) {
      this.options = options;
      return this;
    }

    public Builder diagnostics(DiagnosticsConfig diagnostics) {
      this.diagnostics = diagnostics;
      return this;
    }

    /** The k of the top-k accuracy reported with multi-class scores (default 2). */
    public Builder topK(int topK) {
      if (topK < 1) {
        throw new IllegalArgumentException("topK must be at least 1; got " + topK);
      }
      this.topK = topK;
      return this;
    }

    /** How many most-confused class pairs to list (default 10). */
    public Builder confusedPairs(int confusedPairs) {
      this.confusedPairs = confusedPairs;
      return this;
    }

    public Evaluator build() {
      return new Evaluator(this);
    }
  }
}

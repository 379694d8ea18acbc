package org.bertfit.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything an evaluation found, ready for the text, JSON, CSV and HTML writers.
 *
 * @param multiLabel whether examples carry label sets
 * @param labels every label of the task (score columns, confusion matrix order)
 * @param classification the per-class table, as scikit-learn's classification_report
 * @param confusionLabels the names of {@code confusion}'s rows and columns
 * @param confusion multi-class: counts {@code [true][predicted]} over the reported labels;
 *     multi-label: one {@code [[tn, fp], [fn, tp]]} per reported label, flattened to {@code
 *     [label][4]}
 * @param specificity per reported label, tn / (tn + fp)
 * @param figures the scalar metrics (Matthews, kappa, ROC-AUC, ...), in display order
 * @param baseline the majority-class baseline on the same data
 * @param warnings zero divisions and diagnostics, most important first
 * @param thresholds the multi-label decision thresholds used, if known
 * @param errors error analysis, if computed
 * @param scores the probabilities behind the ranking and calibration figures, if known (not
 *     copied), for the HTML report's curves
 * @param digits decimals of the text layout
 */
public record EvaluationReport(
    boolean multiLabel,
    LabelSet labels,
    ClassificationReport classification,
    List<String> confusionLabels,
    long[][] confusion,
    double[] specificity,
    List<Figure> figures,
    Baseline baseline,
    List<Diagnostic> warnings,
    Thresholds thresholds,
    ErrorAnalysis errors,
    ScoreBuffer scores,
    int digits) {

  public EvaluationReport {
    confusionLabels = List.copyOf(confusionLabels);
    figures = List.copyOf(figures);
    warnings = List.copyOf(warnings);
  }

  /** The figure with this JSON key, if the report has it. */
  public Optional<Figure> figure(String key) {
    return figures.stream().filter(f -> f.key().equals(key)).findFirst();
  }

  /** The same report with an error analysis attached. */
  public EvaluationReport withErrors(ErrorAnalysis errorAnalysis) {
    return new EvaluationReport(multiLabel, labels, classification, confusionLabels, confusion,
        specificity, figures, baseline, warnings, thresholds, errorAnalysis, scores, digits);
  }

  /** The same report with {@code first} (problems of the data, say) before its own warnings. */
  public EvaluationReport withWarningsFirst(List<Diagnostic> first) {
    List<Diagnostic> all = new ArrayList<>(first);
    all.addAll(warnings);
    return new EvaluationReport(multiLabel, labels, classification, confusionLabels, confusion,
        specificity, figures, baseline, all, thresholds, errors, scores, digits);
  }

  /** The same report stating which multi-label thresholds made the predictions. */
  public EvaluationReport withThresholds(Thresholds used) {
    return new EvaluationReport(multiLabel, labels, classification, confusionLabels, confusion,
        specificity, figures, baseline, warnings, used, errors, scores, digits);
  }
}

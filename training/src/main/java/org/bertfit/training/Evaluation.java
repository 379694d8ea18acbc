package org.bertfit.training;

import java.util.List;
import java.util.Map;
import org.bertfit.evaluation.Accumulator;
import org.bertfit.evaluation.EvaluationReport;
import org.bertfit.evaluation.Evaluator;
import org.bertfit.evaluation.LabelCounts;
import org.bertfit.evaluation.ReportOptions;
import org.bertfit.evaluation.ScoreBuffer;
import org.bertfit.evaluation.ner.EntityReport;

/**
 * The result of {@code evaluate}: loss and metrics, the evaluation module's accumulator (for the
 * full report), and the predictions with per-example losses (for error analysis).
 */
public record Evaluation(Map<String, Double> metrics, Accumulator accumulator, Predictions predictions) {

  /** Label names by id. */
  public List<String> labels() {
    return accumulator.labels().names();
  }

  /** A confusion matrix, multi-label confusion, or entity counts (token classification). */
  public LabelCounts counts() {
    return accumulator.counts();
  }

  /** Every example's probabilities with its truth (sequence tasks), or null. */
  public ScoreBuffer scores() {
    return accumulator.scores();
  }

  /** The class-wise report, with diagnostics and ranking metrics, as {@code bertfit report} gives. */
  public EvaluationReport report(Evaluator evaluator) {
    return accumulator.report(evaluator);
  }

  /** The entity-level report of a token classifier, as {@code bertfit evaluate} gives. */
  public EntityReport entityReport(ReportOptions options) {
    return accumulator.entityReport(options);
  }
}

package org.bertfit.training;

import java.util.List;
import java.util.Map;
import org.bertfit.evaluation.ConfusionMatrix;
import org.bertfit.evaluation.EvaluationReport;
import org.bertfit.evaluation.Evaluator;
import org.bertfit.evaluation.LabelCounts;
import org.bertfit.evaluation.LabelSet;
import org.bertfit.evaluation.MultiLabelConfusion;
import org.bertfit.evaluation.ReportOptions;
import org.bertfit.evaluation.ScoreBuffer;
import org.bertfit.evaluation.ner.EntityCounts;
import org.bertfit.evaluation.ner.EntityReport;

/**
 * The result of {@code evaluate}: loss and metrics, the accumulated counts and scores (for the full
 * report of the evaluation module), and the predictions with per-example losses (for error
 * analysis).
 *
 * @param labels label names by id
 * @param counts a confusion matrix, multi-label confusion, or entity counts (token classification)
 * @param scores every example's probabilities with its truth (sequence tasks), or null
 */
public record Evaluation(
    Map<String, Double> metrics,
    List<String> labels,
    LabelCounts counts,
    ScoreBuffer scores,
    Predictions predictions) {

  /** The class-wise report, with diagnostics and ranking metrics, as {@code bertfit report} gives. */
  public EvaluationReport report(Evaluator evaluator) {
    if (counts instanceof EntityCounts) {
      throw new IllegalStateException("a token classifier's evaluation: see entityReport");
    }
    LabelSet set = LabelSet.of(labels);
    if (counts instanceof MultiLabelConfusion multiLabel) {
      return evaluator.multiLabel(set, multiLabel, scores);
    }
    return evaluator.multiClass(set, (ConfusionMatrix) counts, scores);
  }

  /** The entity-level report of a token classifier, as {@code bertfit evaluate} gives. */
  public EntityReport entityReport(ReportOptions options) {
    if (!(counts instanceof EntityCounts entities)) {
      throw new IllegalStateException("not a token classifier's evaluation: see report");
    }
    return EntityReport.of(entities, options);
  }
}

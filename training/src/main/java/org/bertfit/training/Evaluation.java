package org.bertfit.training;

import java.util.Map;
import org.bertfit.evaluation.LabelCounts;

/**
 * The result of {@code evaluate}: loss and metrics, the accumulated counts (for a full report with
 * the evaluation module), and the predictions with per-example losses (for error analysis).
 */
public record Evaluation(Map<String, Double> metrics, LabelCounts counts, Predictions predictions) {}

package org.bertfit.training.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bertfit.datasets.BatchLabels;
import org.bertfit.datasets.Task;
import org.bertfit.evaluation.ConfusionMatrix;
import org.bertfit.evaluation.LabelCounts;
import org.bertfit.evaluation.MultiLabelConfusion;
import org.bertfit.evaluation.ScoreBuffer;

/**
 * The counts of one pass over data (a logging window of training steps, or a validation run): the
 * evaluation module's accumulator for the task, fed batch by batch with labels and probabilities,
 * and the mean loss. {@link #reset()} starts a new pass.
 */
public final class PassMetrics {
  private final Task task;
  private final List<String> labels;
  private final double[] thresholds;
  private final ConfusionMatrix confusion;
  private final MultiLabelConfusion multiLabel;
  private final ScoreBuffer scores;
  private double lossSum;
  private long lossWeight;

  /** @param threshold the decision threshold of every label, for multi-label tasks */
  public PassMetrics(Task task, List<String> labels, double threshold) {
    this(task, labels, uniform(threshold, labels.size()), false);
  }

  /**
   * @param thresholds the decision threshold of each label, for multi-label tasks
   * @param keepScores whether to keep every example's probabilities (for ranking metrics in the
   *     final report; sequence tasks only)
   */
  public PassMetrics(Task task, List<String> labels, double[] thresholds, boolean keepScores) {
    if (thresholds.length != labels.size()) {
      throw new IllegalArgumentException(
          thresholds.length + " thresholds for " + labels.size() + " labels");
    }
    this.task = task;
    this.labels = List.copyOf(labels);
    this.thresholds = thresholds.clone();
    this.confusion = task == Task.MULTI_LABEL ? null : new ConfusionMatrix(labels.size());
    this.multiLabel = task == Task.MULTI_LABEL ? new MultiLabelConfusion(labels.size()) : null;
    this.scores =
        !keepScores || task == Task.TOKEN_CLASSIFICATION
            ? null
            : task == Task.MULTI_LABEL
                ? ScoreBuffer.multiLabel(labels.size())
                : ScoreBuffer.multiClass(labels.size());
  }

  /**
   * Adds a batch.
   *
   * @param probabilities row-major {@code [batch, labels]}, or {@code [batch, seq, labels]} for tokens
   * @param meanLoss the batch's mean loss
   */
  public void update(BatchLabels batchLabels, float[] probabilities, double meanLoss) {
    int examples;
    int n = labels.size();
    if (batchLabels instanceof BatchLabels.ClassIds ids) {
      confusion.updateFromScores(ids.ids(), probabilities);
      examples = ids.ids().length;
      if (scores != null) {
        for (int i = 0; i < examples; i++) {
          scores.add(ids.ids()[i], row(probabilities, i, n));
        }
      }
    } else if (batchLabels instanceof BatchLabels.MultiHot hot) {
      multiLabel.update(hot.values(), probabilities, thresholds);
      examples = hot.values().length / hot.numLabels();
      if (scores != null) {
        for (int i = 0; i < examples; i++) {
          int[] truth = new int[n];
          for (int c = 0; c < n; c++) {
            truth[c] = hot.values()[i * n + c] > 0.5f ? 1 : 0;
          }
          scores.add(truth, row(probabilities, i, n));
        }
      }
    } else {
      BatchLabels.TokenLabels tokens = (BatchLabels.TokenLabels) batchLabels;
      updateTokens(tokens.ids(), probabilities);
      examples = tokens.ids().length / tokens.seqLength();
    }
    lossSum += meanLoss * examples;
    lossWeight += examples;
  }

  /** {@code value} for each of {@code n} labels. */
  public static double[] uniform(double value, int n) {
    double[] out = new double[n];
    java.util.Arrays.fill(out, value);
    return out;
  }

  private static double[] row(float[] values, int row, int width) {
    double[] out = new double[width];
    for (int c = 0; c < width; c++) {
      out[c] = values[row * width + c];
    }
    return out;
  }

  /** Per-token argmax against the tags, skipping tokens labelled -100. */
  private void updateTokens(int[] tags, float[] probabilities) {
    int n = labels.size();
    for (int i = 0; i < tags.length; i++) {
      if (tags[i] < 0) {
        continue;
      }
      int best = 0;
      for (int c = 1; c < n; c++) {
        if (probabilities[i * n + c] > probabilities[i * n + best]) {
          best = c;
        }
      }
      confusion.update(tags[i], best);
    }
  }

  /** The counts accumulated so far. */
  public LabelCounts counts() {
    return task == Task.MULTI_LABEL ? multiLabel : confusion;
  }

  /** Every example's probabilities with its truth, or null when not kept. */
  public ScoreBuffer scores() {
    return scores;
  }

  /** {@code loss} then each metric's values. */
  public Map<String, Double> results(List<Metric> metrics) {
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("loss", lossWeight == 0 ? Double.NaN : lossSum / lossWeight);
    double accuracy = task == Task.MULTI_LABEL ? multiLabel.subsetAccuracy() : confusion.accuracy();
    for (Metric m : metrics) {
      out.putAll(m.values(counts(), accuracy, labels));
    }
    return out;
  }

  public void reset() {
    if (confusion != null) {
      confusion.reset();
    } else {
      multiLabel.reset();
    }
    lossSum = 0;
    lossWeight = 0;
  }
}

package org.bertfit.training.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bertfit.datasets.BatchLabels;
import org.bertfit.datasets.Task;
import org.bertfit.datasets.tokenize.SubTokenLabels;
import org.bertfit.evaluation.ConfusionMatrix;
import org.bertfit.evaluation.LabelCounts;
import org.bertfit.evaluation.MultiLabelConfusion;
import org.bertfit.evaluation.ScoreBuffer;
import org.bertfit.evaluation.ner.Entities;
import org.bertfit.evaluation.ner.EntityCounts;

/**
 * The counts of one pass over data (a logging window of training steps, or a validation run): the
 * evaluation module's accumulator for the task, fed batch by batch with labels and probabilities,
 * and the mean loss. Token classification counts entities over words, each word predicted by its
 * first sub-token and words cut by truncation predicted {@code O}, as {@code bertfit evaluate}
 * does. {@link #reset()} starts a new pass.
 */
public final class PassMetrics {
  private final Task task;
  private final List<String> labels;
  private final double[] thresholds;
  private final ConfusionMatrix confusion;
  private final MultiLabelConfusion multiLabel;
  private final EntityCounts entities;
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
    this.confusion = task == Task.SINGLE_LABEL ? new ConfusionMatrix(labels.size()) : null;
    this.multiLabel = task == Task.MULTI_LABEL ? new MultiLabelConfusion(labels.size()) : null;
    this.entities = task == Task.TOKEN_CLASSIFICATION ? new EntityCounts() : null;
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
      updateWords(tokens, probabilities);
      examples = tokens.wordTags().length;
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

  /** Each sentence's word tags against the argmax of each word's first sub-token. */
  private void updateWords(BatchLabels.TokenLabels tokens, float[] probabilities) {
    int n = labels.size();
    for (int r = 0; r < tokens.wordTags().length; r++) {
      int[] tags = tokens.wordTags()[r];
      int[] first = SubTokenLabels.firstTokens(tokens.wordIds()[r], tags.length);
      List<String> truth = new ArrayList<>(tags.length);
      List<String> predicted = new ArrayList<>(tags.length);
      for (int w = 0; w < tags.length; w++) {
        truth.add(labels.get(tags[w]));
        predicted.add(first[w] < 0
            ? Entities.OUTSIDE
            : labels.get(argmax(probabilities, (r * tokens.seqLength() + first[w]) * n, n)));
      }
      entities.update(truth, predicted);
    }
  }

  private static int argmax(float[] values, int offset, int n) {
    int best = 0;
    for (int c = 1; c < n; c++) {
      if (values[offset + c] > values[offset + best]) {
        best = c;
      }
    }
    return best;
  }

  /** The counts accumulated so far: per class, per label, or per entity type. */
  public LabelCounts counts() {
    return switch (task) {
      case SINGLE_LABEL -> confusion;
      case MULTI_LABEL -> multiLabel;
      case TOKEN_CLASSIFICATION -> entities;
    };
  }

  /** Every example's probabilities with its truth, or null when not kept. */
  public ScoreBuffer scores() {
    return scores;
  }

  /** {@code loss} then each metric's values. */
  public Map<String, Double> results(List<Metric> metrics) {
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("loss", lossWeight == 0 ? Double.NaN : lossSum / lossWeight);
    double accuracy = switch (task) {
      case SINGLE_LABEL -> confusion.accuracy();
      case MULTI_LABEL -> multiLabel.subsetAccuracy();
      case TOKEN_CLASSIFICATION -> entities.tokenAccuracy();
    };
    List<String> names = entities != null ? entities.types().names() : labels;
    for (Metric m : metrics) {
      out.putAll(m.values(counts(), accuracy, names));
    }
    return out;
  }

  public void reset() {
    if (confusion != null) {
      confusion.reset();
    } else if (multiLabel != null) {
      multiLabel.reset();
    } else {
      entities.reset();
    }
    lossSum = 0;
    lossWeight = 0;
  }
}

package org.bertfit.evaluation;

import java.util.List;

/**
 * A batch of predictions with their truth, as an {@link Accumulator} and a metric take it. A text
 * classifier's batch holds, per example, the true and the decided labels and (when known) the
 * probability of each label; a token classifier's batch holds, per sentence, the true and the
 * predicted tag of each word. The decision (argmax, or a threshold per label) is made before: the
 * batch records it.
 */
public final class PredictionBatch {
  private final LabelSet labels;
  private final boolean multiLabel;
  private final int size;
  private final int[] truth;
  private final int[] predicted;
  private final float[] probabilities;
  private final Thresholds thresholds;
  private final List<List<String>> trueTags;
  private final List<List<String>> predictedTags;

  private PredictionBatch(
      LabelSet labels, boolean multiLabel, int size, int[] truth, int[] predicted,
      float[] probabilities, Thresholds thresholds, List<List<String>> trueTags,
      List<List<String>> predictedTags) {
    this.labels = labels;
    this.multiLabel = multiLabel;
    this.size = size;
    this.truth = truth;
    this.predicted = predicted;
    this.probabilities = probabilities;
    this.thresholds = thresholds;
    this.trueTags = trueTags;
    this.predictedTags = predictedTags;
  }

  /**
   * Single-label examples.
   *
   * @param truth the true class id of each example
   * @param predicted the decided class id of each example
   * @param probabilities row-major {@code [examples][labels]}, or null
   */
  public static PredictionBatch classes(
      LabelSet labels, int[] truth, int[] predicted, float[] probabilities) {
    if (truth.length != predicted.length) {
      throw new IllegalArgumentException(
          truth.length + " true classes but " + predicted.length + " predicted ones");
    }
    requireRows(labels, truth.length, probabilities);
    return new PredictionBatch(
        labels, false, truth.length, truth.clone(), predicted.clone(),
        probabilities == null ? null : probabilities.clone(), null, null, null);
  }

  /**
   * Multi-label examples.
   *
   * @param truth 0/1 rows, row-major {@code [examples][labels]}
   * @param predicted the decided 0/1 rows, same shape
   * @param probabilities same shape, or null
   * @param thresholds the thresholds that decided, or null when unknown
   */
  public static PredictionBatch labelSets(
      LabelSet labels, int[] truth, int[] predicted, float[] probabilities, Thresholds thresholds) {
    int k = labels.size();
    if (truth.length != predicted.length || truth.length % k != 0) {
      throw new IllegalArgumentException("truth (" + truth.length + ") and predicted ("
          + predicted.length + ") must both hold examples x " + k + " values");
    }
    requireRows(labels, truth.length / k, probabilities);
    return new PredictionBatch(
        labels, true, truth.length / k, truth.clone(), predicted.clone(),
        probabilities == null ? null : probabilities.clone(), thresholds, null, null);
  }

  /** Sentences of a token classifier: the true and the predicted tag of each word. */
  public static PredictionBatch tags(
      LabelSet tags, List<List<String>> truth, List<List<String>> predicted) {
    if (truth.size() != predicted.size()) {
      throw new IllegalArgumentException(
          truth.size() + " true sentences but " + predicted.size() + " predicted ones");
    }
    return new PredictionBatch(
        tags, false, truth.size(), null, null, null, null, List.copyOf(truth),
        List.copyOf(predicted));
  }

  private static void requireRows(LabelSet labels, int rows, float[] probabilities) {
    if (probabilities != null && probabilities.length != rows * labels.size()) {
      throw new IllegalArgumentException("probabilities has " + probabilities.length
          + " values; expected " + rows + " x " + labels.size());
    }
  }

  /** The labels (or tags) of the task, by id. */
  public LabelSet labels() {
    return labels;
  }

  /** Examples (sentences for a token classifier) in the batch. */
  public int size() {
    return size;
  }

  public boolean multiLabel() {
    return multiLabel;
  }

  /** Whether this is a token classifier's batch. */
  public boolean tagging() {
    return trueTags != null;
  }

  public boolean hasProbabilities() {
    return probabilities != null;
  }

  /** The multi-label thresholds that decided, or null. */
  public Thresholds thresholds() {
    return thresholds;
  }

  /** Whether {@code label} is among the example's true labels. */
  public boolean isTrue(int example, int label) {
    return multiLabel ? truth[example * labels.size() + label] != 0 : truth[example] == label;
  }

  /** Whether {@code label} was decided for the example. */
  public boolean isPredicted(int example, int label) {
    return multiLabel ? predicted[example * labels.size() + label] != 0 : predicted[example] == label;
  }

  /** The probability of {@code label} for the example. */
  public double probability(int example, int label) {
    if (probabilities == null) {
      throw new IllegalStateException("this batch has no probabilities");
    }
    return probabilities[example * labels.size() + label];
  }

  /** The true class of a single-label example. */
  public int trueClass(int example) {
    requireSingleLabel();
    return truth[example];
  }

  /** The decided class of a single-label example. */
  public int predictedClass(int example) {
    requireSingleLabel();
    return predicted[example];
  }

  /** The true tags of a sentence. */
  public List<String> trueTags(int sentence) {
    return trueTags.get(sentence);
  }

  /** The predicted tags of a sentence. */
  public List<String> predictedTags(int sentence) {
    return predictedTags.get(sentence);
  }

  /** The 0/1 true row of a multi-label example. */
  int[] trueRow(int example) {
    return java.util.Arrays.copyOfRange(truth, example * labels.size(), (example + 1) * labels.size());
  }

  /** The decided 0/1 row of a multi-label example. */
  int[] predictedRow(int example) {
    return java.util.Arrays.copyOfRange(
        predicted, example * labels.size(), (example + 1) * labels.size());
  }

  /** The probabilities of one example, widened. */
  double[] probabilityRow(int example) {
    double[] out = new double[labels.size()];
    for (int c = 0; c < out.length; c++) {
      out[c] = probability(example, c);
    }
    return out;
  }

  private void requireSingleLabel() {
    if (multiLabel || tagging()) {
      throw new IllegalStateException("not a single-label batch");
    }
  }
}

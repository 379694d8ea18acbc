package org.bertfit.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Where the model goes wrong: the examples with the highest loss, the most confident mistakes, and
 * the class pairs most often confused.
 */
public record ErrorAnalysis(
    List<ExampleError> highestLoss,
    List<ExampleError> confidentMistakes,
    List<ConfusedPair> confusedPairs) {

  public ErrorAnalysis {
    highestLoss = List.copyOf(highestLoss);
    confidentMistakes = List.copyOf(confidentMistakes);
    confusedPairs = List.copyOf(confusedPairs);
  }

  /**
   * One example: its text, true and predicted (argmax) labels, the probability of the prediction
   * and its loss (-log p(true)).
   */
  public record ExampleError(int index, String text, String trueLabel, String predictedLabel,
      double probability, double loss) {}

  /** {@code count} examples of class {@code trueLabel} were predicted as {@code predictedLabel}. */
  public record ConfusedPair(String trueLabel, String predictedLabel, long count) {}

  /** Only the confused pairs, for when there are no texts or scores. */
  public static ErrorAnalysis ofPairs(ConfusionMatrix cm, LabelSet labels, int top) {
    return new ErrorAnalysis(List.of(), List.of(), confusedPairs(cm, labels, top));
  }

  /**
   * The analysis of texts with their true class ids and probability rows (columns in {@code
   * labels} order), keeping the {@code top} of each list.
   */
  public static ErrorAnalysis of(
      List<String> texts, int[] yTrue, double[][] probabilities, LabelSet labels, int top) {
    if (texts.size() != yTrue.length || yTrue.length != probabilities.length) {
      throw new IllegalArgumentException("texts (" + texts.size() + "), yTrue (" + yTrue.length
          + ") and probabilities (" + probabilities.length + ") must have one entry per example");
    }
    List<ExampleError> all = new ArrayList<>();
    ConfusionMatrix cm = new ConfusionMatrix(labels.size());
    for (int i = 0; i < yTrue.length; i++) {
      if (probabilities[i].length != labels.size()) {
        throw new IllegalArgumentException("probabilities row " + i + " has "
            + probabilities[i].length + " values; expected " + labels.size());
      }
      int predicted = argmax(probabilities[i]);
      cm.update(yTrue[i], predicted);
      all.add(new ExampleError(i, texts.get(i), labels.name(yTrue[i]), labels.name(predicted),
          probabilities[i][predicted], RankingMetrics.exampleLoss(probabilities[i], yTrue[i])));
    }
    List<ExampleError> highestLoss = all.stream()
        .sorted(Comparator.comparingDouble(ExampleError::loss).reversed()
            .thenComparingInt(ExampleError::index))
        .limit(top)
        .toList();
    List<ExampleError> mistakes = all.stream()
        .filter(e -> !e.trueLabel().equals(e.predictedLabel()))
        .sorted(Comparator.comparingDouble(ExampleError::probability).reversed()
            .thenComparingInt(ExampleError::index))
        .limit(top)
        .toList();
    return new ErrorAnalysis(highestLoss, mistakes, confusedPairs(cm, labels, top));
  }

  private static List<ConfusedPair> confusedPairs(ConfusionMatrix cm, LabelSet labels, int top) {
    int k = cm.numLabels();
    return IntStream.range(0, k * k)
        .filter(i -> i / k != i % k && cm.count(i / k, i % k) > 0)
        .boxed()
        .sorted(Comparator.comparingLong((Integer i) -> cm.count(i / k, i % k)).reversed()
            .thenComparingInt(i -> i))
        .limit(top)
        .map(i -> new ConfusedPair(labels.name(i / k), labels.name(i % k), cm.count(i / k, i % k)))
        .toList();
  }

  private static int argmax(double[] row) {
    int best = 0;
    for (int c = 1; c < row.length; c++) {
      if (row[c] > row[best]) {
        best = c;
      }
    }
    return best;
  }
}

package org.bertfit.datasets.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.bertfit.datasets.Dataset;
import org.bertfit.datasets.EncodedDataset;
import org.bertfit.datasets.Example;
import org.bertfit.datasets.Task;
import org.bertfit.datasets.io.SkipReport;
import org.bertfit.datasets.labels.LabelEncoder;

/**
 * What to know about a dataset before training on it: rows, skipped rows, how the labels are
 * distributed (imbalance), and how long the texts are against the maximum length.
 *
 * @param source the dataset's source
 * @param task what the labels mean
 * @param rows the number of examples (sentences for token classification)
 * @param skipped the rows the reader skipped
 * @param labelCounts occurrences of each label, in label-id order (labels of a fixed label set that
 *     never occur count 0); a multi-label example counts once for each of its labels, a tagged
 *     sentence once for each word
 * @param labelTotal the sum of {@code labelCounts}
 * @param labelsPerExample number of labels -> number of examples (multi-label), else empty
 * @param lengths token lengths, or null when the dataset was not tokenized
 */
public record DatasetStatistics(
    String source,
    Task task,
    int rows,
    SkipReport skipped,
    Map<String, Long> labelCounts,
    long labelTotal,
    Map<Integer, Integer> labelsPerExample,
    LengthStatistics lengths) {

  public DatasetStatistics {
    labelCounts = Collections.unmodifiableMap(new LinkedHashMap<>(labelCounts));
    labelsPerExample = Collections.unmodifiableMap(new TreeMap<>(labelsPerExample));
  }

  /** Statistics without token lengths. */
  public static DatasetStatistics of(Dataset data) {
    return of(data, null);
  }

  /** Statistics with the token lengths of {@code encoded} (null for none). */
  public static DatasetStatistics of(Dataset data, EncodedDataset encoded) {
    Map<String, Long> counts = new LinkedHashMap<>();
    long total = 0;
    boolean anyLabel =
        !data.labelNames().isEmpty()
            || data.examples().stream().anyMatch(e -> !e.labels().isEmpty());
    if (data.labelled() && anyLabel) {
      LabelEncoder labels = LabelEncoder.fit(data);
      long[] byId = labels.counts(data);
      for (int id = 0; id < byId.length; id++) {
        counts.put(labels.name(id), byId[id]);
        total += byId[id];
      }
    }
    Map<Integer, Integer> perExample = new TreeMap<>();
    if (data.task() == Task.MULTI_LABEL) {
      for (Example e : data.examples()) {
        perExample.merge(e.labels().size(), 1, Integer::sum);
      }
    }
    return new DatasetStatistics(
        data.source(),
        data.task(),
        data.size(),
        data.skipped(),
        counts,
        total,
        perExample,
        encoded == null ? null : LengthStatistics.of(encoded));
  }

  /**
   * The share of each label: of examples for single- and multi-label data (multi-label shares sum
   * to more than 1), of tags for token classification.
   */
  public Map<String, Double> labelRatios() {
    double denominator = task == Task.TOKEN_CLASSIFICATION ? labelTotal : rows;
    Map<String, Double> ratios = new LinkedHashMap<>();
    labelCounts.forEach(
        (label, count) -> ratios.put(label, denominator == 0 ? 0 : count / denominator));
    return Collections.unmodifiableMap(ratios);
  }

  /** The most frequent label's count over the rarest one's (infinite when a label never occurs). */
  public double imbalanceRatio() {
    long max = labelCounts.values().stream().mapToLong(Long::longValue).max().orElse(0);
    long min = labelCounts.values().stream().mapToLong(Long::longValue).min().orElse(0);
    return min == 0 ? Double.POSITIVE_INFINITY : (double) max / min;
  }

  /** The mean number of labels of an example (multi-label), or NaN. */
  public double meanLabelsPerExample() {
    if (labelsPerExample.isEmpty()) {
      return Double.NaN;
    }
    long sum = 0;
    long n = 0;
    for (Map.Entry<Integer, Integer> e : labelsPerExample.entrySet()) {
      sum += (long) e.getKey() * e.getValue();
      n += e.getValue();
    }
    return (double) sum / n;
  }
}

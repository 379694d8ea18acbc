package org.bertfit.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bertfit.datasets.io.SkipReport;

/**
 * Labelled examples read from one source, in file order.
 *
 * @param source where the examples come from (a path), for messages
 * @param task what the labels mean
 * @param labelled whether examples carry labels (false for text to predict)
 * @param examples the examples
 * @param labelNames the fixed label set in id order (from {@code mapping.txt} or the read options),
 *     or empty when the labels are whatever the data holds
 * @param skipped the rows the reader skipped
 */
public record Dataset(
    String source,
    Task task,
    boolean labelled,
    List<Example> examples,
    List<String> labelNames,
    SkipReport skipped) {
  public Dataset {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(task, "task");
    examples = List.copyOf(examples);
    labelNames = List.copyOf(labelNames);
    Objects.requireNonNull(skipped, "skipped");
  }

  public int size() {
    return examples.size();
  }

  public Example get(int index) {
    return examples.get(index);
  }

  /** The examples at {@code indices}, in that order (for splits and resampling). */
  public Dataset subset(int[] indices, String name) {
    List<Example> chosen = new ArrayList<>(indices.length);
    for (int i : indices) {
      chosen.add(examples.get(i));
    }
    return new Dataset(name, task, labelled, chosen, labelNames, SkipReport.NONE);
  }

  /** The texts, in order. */
  public List<String> texts() {
    List<String> texts = new ArrayList<>(examples.size());
    for (Example e : examples) {
      texts.add(e.text());
    }
    return texts;
  }
}

package org.bertfit.training.tasks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link TextClassifier} predicts for a text.
 *
 * @param text the text
 * @param labels the predicted labels: the most probable one, or for a multi-label classifier every
 *     label at or above the threshold (possibly none)
 * @param scores every label's probability, in the classifier's label order
 */
public record TextPrediction(String text, List<String> labels, Map<String, Float> scores) {
  public TextPrediction {
    labels = List.copyOf(labels);
    scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
  }

  /** The predicted label of a single-label classifier (the first of a multi-label one's, or null). */
  public String label() {
    return labels.isEmpty() ? null : labels.get(0);
  }
}

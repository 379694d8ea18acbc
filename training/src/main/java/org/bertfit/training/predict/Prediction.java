package org.bertfit.training.predict;

import java.util.ArrayList;
import java.util.List;
import org.bertfit.datasets.Example;
import org.bertfit.evaluation.ner.Entities;

/**
 * What the model said about one example.
 *
 * @param example the example as read (text, text pair, true labels when the input has them); for
 *     a token classifier, a sentence of words
 * @param probabilities one probability per label, in the model's label order; for a token
 *     classifier one such row per word, row-major, each the probabilities of the word's first
 *     sub-token (zeros for a word cut by truncation); from {@link Predictor#embed}, the text's
 *     embedding
 * @param labels the predicted label ids, ascending: one for a single-label model, any number for a
 *     multi-label one; for a token classifier one tag id per word, -1 for a word cut by truncation;
 *     none for an embedding
 */
public record Prediction(Example example, float[] probabilities, int[] labels) {
  /** A token classifier's tag of each word; a word cut by truncation is outside any entity. */
  public List<String> tags(List<String> labelNames) {
    List<String> tags = new ArrayList<>(labels.length);
    for (int id : labels) {
      tags.add(id < 0 ? Entities.OUTSIDE : labelNames.get(id));
    }
    return tags;
  }
}

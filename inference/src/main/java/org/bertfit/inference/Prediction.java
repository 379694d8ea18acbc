package org.bertfit.inference;

import java.util.List;
import org.bertfit.datasets.Example;
import org.bertfit.datasets.tokenize.SubTokenLabels;
import org.bertfit.evaluation.LabelDecoder;
import org.bertfit.evaluation.ner.PredictedEntity;

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
  /**
   * Decides {@code example}'s labels from its row of probabilities, or for a tagged sentence
   * ({@code wordIds} not null) from its tokens' rows, each word read at its first sub-token.
   */
  public static Prediction of(Example example, float[] row, int[] wordIds, LabelDecoder decoder) {
    LabelDecoder.Decision d =
        decoder.decode(
            row, wordIds == null ? null : SubTokenLabels.firstTokens(wordIds, example.words().size()));
    return new Prediction(example, d.probabilities(), d.labels());
  }

  /** A token classifier's tag of each word; a word cut by truncation is outside any entity. */
  public List<String> tags(List<String> labelNames) {
    return PredictedEntity.tagNames(labels, labelNames);
  }

  /** A token classifier's entities of this sentence (see {@link PredictedEntity}). */
  public List<PredictedEntity> entities(List<String> labelNames) {
    return PredictedEntity.of(example.text(), example.words(), probabilities, labels, labelNames);
  }
}

package org.bertfit.training.internal;

import java.util.ArrayList;
import java.util.List;
import org.bertfit.datasets.BatchLabels;
import org.bertfit.datasets.tokenize.SubTokenLabels;
import org.bertfit.evaluation.LabelDecoder;
import org.bertfit.evaluation.LabelSet;
import org.bertfit.evaluation.PredictionBatch;
import org.bertfit.evaluation.ner.Entities;

/**
 * A batch of the graph's probabilities with its labels, decided by the predictor's rule, as metrics
 * take it. A token classifier's words are predicted by their first sub-token, and words cut by
 * truncation are predicted {@code O}, as {@code bertfit evaluate} does.
 */
final class PredictionBatches {
  private PredictionBatches() {}

  /**
   * @param probabilities row-major {@code [batch, labels]}, or {@code [batch, seq, labels]} for tokens
   */
  static PredictionBatch of(
      BatchLabels batchLabels, float[] probabilities, LabelSet labels, LabelDecoder decoder) {
    int k = labels.size();
    if (batchLabels instanceof BatchLabels.ClassIds ids) {
      int[] predicted = new int[ids.ids().length];
      for (int i = 0; i < predicted.length; i++) {
        predicted[i] = decoder.decide(probabilities, i * k)[0];
      }
      return PredictionBatch.classes(labels, ids.ids(), predicted, probabilities);
    }
    if (batchLabels instanceof BatchLabels.MultiHot hot) {
      int[] truth = new int[hot.values().length];
      int[] predicted = new int[truth.length];
      for (int i = 0; i < truth.length; i++) {
        truth[i] = hot.values()[i] != 0 ? 1 : 0;
      }
      for (int row = 0; row * k < truth.length; row++) {
        for (int id : decoder.decide(probabilities, row * k)) {
          predicted[row * k + id] = 1;
        }
      }
      return PredictionBatch.labelSets(labels, truth, predicted, probabilities, decoder.thresholds());
    }
    return words((BatchLabels.TokenLabels) batchLabels, probabilities, labels, decoder);
  }

  private static PredictionBatch words(
      BatchLabels.TokenLabels tokens, float[] probabilities, LabelSet labels, LabelDecoder decoder) {
    List<List<String>> truth = new ArrayList<>();
    List<List<String>> predicted = new ArrayList<>();
    for (int r = 0; r < tokens.wordTags().length; r++) {
      int[] tags = tokens.wordTags()[r];
      int[] first = SubTokenLabels.firstTokens(tokens.wordIds()[r], tags.length);
      List<String> t = new ArrayList<>(tags.length);
      List<String> p = new ArrayList<>(tags.length);
      for (int w = 0; w < tags.length; w++) {
        t.add(labels.name(tags[w]));
        p.add(first[w] < 0
            ? Entities.OUTSIDE
            : labels.name(decoder.decide(probabilities, (r * tokens.seqLength() + first[w]) * labels.size())[0]));
      }
      truth.add(t);
      predicted.add(p);
    }
    return PredictionBatch.tags(labels, truth, predicted);
  }
}

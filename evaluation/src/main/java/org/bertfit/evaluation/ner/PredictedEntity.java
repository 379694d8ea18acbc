package org.bertfit.evaluation.ner;

import java.util.ArrayList;
import java.util.List;

/**
 * An entity a token classifier found in a sentence, as Hugging Face's token-classification pipeline
 * reports it with {@code aggregation_strategy="first"}: consecutive words of one entity (seqeval's
 * rules on the words' tags) grouped, scored by the mean of the words' probabilities.
 *
 * @param type the entity type ({@code PER} of {@code B-PER I-PER})
 * @param text the entity's words as they are in the sentence's text
 * @param start the offset of its first character in the text
 * @param end the offset after its last character
 * @param score the mean probability of its words' predicted tags
 */
public record PredictedEntity(String type, String text, int start, int end, double score) {

  /**
   * The entities of a token classifier's prediction of one sentence.
   *
   * @param text the sentence, holding its words in order
   * @param probabilities one row of label probabilities a word, row-major
   * @param tags the predicted tag id of each word, -1 for a word cut by truncation
   * @param labelNames the label names in id order
   */
  public static List<PredictedEntity> of(
      String text, List<String> words, float[] probabilities, int[] tags, List<String> labelNames) {
    int[] starts = wordStarts(text, words);
    List<PredictedEntity> out = new ArrayList<>();
    for (Entity e : Entities.of(tagNames(tags, labelNames))) {
      double sum = 0;
      for (int w = e.start(); w <= e.end(); w++) {
        sum += probabilities[w * labelNames.size() + tags[w]];
      }
      int end = starts[e.end()] + words.get(e.end()).length();
      out.add(new PredictedEntity(
          e.type(), text.substring(starts[e.start()], end), starts[e.start()], end,
          sum / (e.end() - e.start() + 1)));
    }
    return out;
  }

  /** The name of each tag id; a word cut by truncation (-1) is outside any entity. */
  public static List<String> tagNames(int[] tags, List<String> labelNames) {
    List<String> names = new ArrayList<>(tags.length);
    for (int id : tags) {
      names.add(id < 0 ? Entities.OUTSIDE : labelNames.get(id));
    }
    return names;
  }

  /** Where each word starts in the text, which holds the words in order. */
  private static int[] wordStarts(String text, List<String> words) {
    int[] starts = new int[words.size()];
    int from = 0;
    for (int w = 0; w < starts.length; w++) {
      starts[w] = text.indexOf(words.get(w), from);
      if (starts[w] < 0) {
        throw new IllegalArgumentException(
            "word " + w + " '" + words.get(w) + "' is not in the text after offset " + from);
      }
      from = starts[w] + words.get(w).length();
    }
    return starts;
  }
}

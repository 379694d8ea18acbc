package org.bertfit.datasets;

import java.util.List;

/**
 * One example as read from a file: a text (or a text pair) with its labels, or, for token
 * classification, a sentence of words with one tag per word.
 *
 * @param text the text; for a tagged sentence, its words joined by spaces
 * @param textPair the second text of a pair, or null
 * @param words the words of a tagged sentence; empty for text classification
 * @param labels the class label (single-label), the label set (multi-label), one tag per word
 *     (token classification), or nothing (unlabelled)
 * @param line the 1-based line the example starts on, for messages
 */
public record Example(
    String text, String textPair, List<String> words, List<String> labels, long line) {
  public Example {
    words = List.copyOf(words);
    labels = List.copyOf(labels);
    if (!words.isEmpty() && words.size() != labels.size() && !labels.isEmpty()) {
      throw new IllegalArgumentException(
          "line " + line + ": " + words.size() + " words but " + labels.size() + " tags");
    }
  }

  /** A text with its labels. */
  public static Example of(String text, List<String> labels, long line) {
    return new Example(text, null, List.of(), labels, line);
  }

  /** A sentence of words, each with its tag. */
  public static Example tagged(List<String> words, List<String> tags, long line) {
    return new Example(String.join(" ", words), null, words, tags, line);
  }

  /** Whether this is a tagged sentence (token classification). */
  public boolean tagged() {
    return !words.isEmpty();
  }
}

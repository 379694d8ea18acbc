package org.bertfit.datasets.tokenize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Plain text split into words by BERT's basic tokenizer rules (Devlin et al.'s tokenization.py):
 * at whitespace, around each punctuation character, around each CJK character; the words keep
 * the text's case and accents.
 */
class WordsTest {
  static Stream<Arguments> texts() {
    return Stream.of(
        Arguments.of(
            "where is a four star restaurant in milwaukee with tapas",
            List.of("where", "is", "a", "four", "star", "restaurant", "in", "milwaukee", "with",
                "tapas")),
        Arguments.of(
            "Café déjà-vu in Zürich, 北京 isn't far!",
            List.of("Café", "déjà", "-", "vu", "in", "Zürich", ",", "北", "京", "isn", "'", "t",
                "far", "!")),
        Arguments.of("  Spaced \t out  ", List.of("Spaced", "out")),
        Arguments.of("", List.of()),
        // 11 words, 13 tokens: more than the 8 tokens a text is cut to; words ignore the cut
        Arguments.of(
            "EU rejects German call to boycott British lamb ; Peter Blackburn",
            List.of("EU", "rejects", "German", "call", "to", "boycott", "British", "lamb", ";",
                "Peter", "Blackburn")));
  }

  @ParameterizedTest
  @MethodSource("texts")
  void wordsAreThoseOfBertsBasicTokenizer(String text, List<String> words) {
    try (BertTokenizer tokenizer = BertTokenizer.bertBaseUncased(8)) {
      assertThat(tokenizer.words(text)).isEqualTo(words);
    }
  }
}

package org.bertfit.models.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bertfit.datasets.tokenize.BertTokenizer;
import org.bertfit.datasets.tokenize.TokenizedText;
import org.junit.jupiter.api.Test;

/** The verification sentences exercise short inputs, padding, and truncation at SavedModels' 128. */
class ImportVerifierTest {
  @Test
  void sentencesRangeFromThreeTokensToBeyondTheFixedLength128() {
    try (BertTokenizer tokenizer = BertTokenizer.bertBaseUncased(512)) {
      List<Integer> lengths =
          tokenizer.encodeAll(ImportVerifier.defaultSentences()).stream().map(TokenizedText::length).toList();
      assertThat(lengths).hasSize(12).contains(3);
      assertThat(lengths.stream().mapToInt(Integer::intValue).max().orElseThrow()).isGreaterThan(128);
    }
  }
}

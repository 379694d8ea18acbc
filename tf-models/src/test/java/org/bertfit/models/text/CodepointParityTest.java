package org.bertfit.models.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bertfit.datasets.tokenize.BertTokenizer;
import org.bertfit.datasets.tokenize.TokenizedText;
import org.bertfit.datasets.tokenize.TokenizerJson;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.Result;

/**
 * Every codepoint of planes 0, 1, 2 and 14, inside a word and alone ({@code "a" + c + "b x" + c}),
 * through the in-graph tokenizer and DJL's, uncased and cased. They differ on the few characters
 * whose general category changed since Unicode 8.0 (Hugging Face's tables) in a way that matters:
 * U+166D (Po in 8.0, So since 12.0), U+111C9 (Po in 8.0), and for the uncased pipeline, which drops
 * non-spacing marks, U+1885 and U+1886 (Lo in 8.0, Mn since 9.0) and U+A9BD (Mc in 8.0, Mn since
 * 12.0).
 */
@Tag("integration")
class CodepointParityTest {
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void everyCodepointMatchesHuggingFaceButTheRecategorised(boolean lowercase) {
    String json = TokenizerJson.forVocab(GraphTokenizerTest.vocab(), lowercase, "vocab");
    List<String> texts = new ArrayList<>();
    for (int c = 0; c <= 0xEFFFF; c++) {
      if ((c < 0xD800 || c > 0xDFFF) && (c < 0x30000 || c >= 0xE0000)) {
        String s = new String(Character.toChars(c));
        texts.add("a" + s + "b x" + s);
      }
    }
    Set<String> differing = new TreeSet<>();
    try (TokenizerSession graph = new TokenizerSession(json, 16);
        BertTokenizer djl = BertTokenizer.fromJson(json, 16)) {
      for (int from = 0; from < texts.size(); from += 4096) {
        List<String> batch = texts.subList(from, Math.min(texts.size(), from + 4096));
        List<TokenizedText> expected = djl.encodeAll(batch);
        try (Result result = graph.run(batch, List.of())) {
          int[][] ids = TokenizerSession.ids(result);
          for (int i = 0; i < batch.size(); i++) {
            if (!Arrays.equals(ids[i], expected.get(i).inputIds())) {
              differing.add(String.format("U+%04X", batch.get(i).codePointAt(1)));
            }
          }
        }
      }
    }
    assertThat(differing)
        .containsExactlyElementsOf(
            lowercase
                ? List.of("U+111C9", "U+166D", "U+1885", "U+1886", "U+A9BD")
                : List.of("U+111C9", "U+166D"));
  }
}

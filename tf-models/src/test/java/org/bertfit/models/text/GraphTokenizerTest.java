package org.bertfit.models.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.bertfit.datasets.tokenize.BertTokenizer;
import org.bertfit.datasets.tokenize.TokenizedText;
import org.bertfit.datasets.tokenize.TokenizerJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.Result;
import org.tensorflow.types.TInt32;

/**
 * The in-graph tokenizer against Hugging Face's (DJL) on texts that exercise every rule: accents,
 * case, CJK, punctuation classes, control characters, odd whitespace, emoji, words beyond 100
 * characters and words the vocabulary cannot spell; single texts and pairs, truncated and not, for
 * the uncased pipeline and the cased one (no lower-casing, no accent stripping).
 */
class GraphTokenizerTest {
  static final List<String> TEXTS =
      List.of(
          "Hello, World! How are you?",
          "",
          "   ",
          "naïve café résumé Ångström ÉCOLE",
          "İstanbul ΣΑΣ straße ǅemal ﬁne",
          "日本語のテキスト 中文字符 한국어 텍스트 豈",
          "a\u00ADb a\u200Bb tab\there\nnew\rline\u000Bvt\u0085nel\u00A0nbsp\u3000ideo",
          "emoji 😀🥰 👍🏽 and ✨ sparkles",
          "$100 ^_^ a`b ~tilde~ {braces} [brackets] <tag> 50% #hash @user",
          "«quotes» “curly” ‘single’ – en — em … ellipsis ¿qué? ¡sí!",
          "x".repeat(101) + " short " + "y".repeat(100),
          "unaffable antidisestablishmentarianism qwxzvbnm zzzzzzzzzz",
          "\uFFFD replacement \u0000 nul \uE000 private \u0378 unassigned",
          "Ｆｕｌｌｗｉｄｔｈ ＡＢＣ ｶﾀｶﾅ",
          "word ".repeat(200));

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void matchesHuggingFace(boolean lowercase) {
    String json = TokenizerJson.forVocab(vocab(), lowercase, "vocab");
    List<String> pairs = new ArrayList<>(TEXTS);
    java.util.Collections.reverse(pairs);
    for (int maxLength : new int[] {16, 512}) {
      assertThat(run(json, maxLength, TEXTS, List.of()))
          .isEqualTo(reference(json, maxLength, TEXTS, null));
      assertThat(run(json, maxLength, TEXTS, pairs))
          .isEqualTo(reference(json, maxLength, TEXTS, pairs));
    }
  }

  static List<String> vocab() {
    return WordPieceSpec.fromTokenizerJson(TokenizerJson.bertBaseUncased()).orElseThrow().vocab();
  }

  /** Ids and type ids of the real tokens of each row, one line per row. */
  static String reference(String json, int maxLength, List<String> texts, List<String> pairs) {
    try (BertTokenizer tokenizer = BertTokenizer.fromJson(json, maxLength)) {
      List<TokenizedText> encoded =
          pairs == null ? tokenizer.encodeAll(texts) : tokenizer.encodeAll(texts, pairs);
      StringBuilder out = new StringBuilder();
      for (TokenizedText t : encoded) {
        out.append(java.util.Arrays.toString(t.inputIds()))
            .append(java.util.Arrays.toString(t.tokenTypeIds()))
            .append('\n');
      }
      return out.toString();
    }
  }

  static String run(String json, int maxLength, List<String> texts, List<String> pairs) {
    try (TokenizerSession tokenizer = new TokenizerSession(json, maxLength);
        Result result = tokenizer.run(texts, pairs)) {
      return rows((TInt32) result.get(0), (TInt32) result.get(1), (TInt32) result.get(2));
    }
  }

  private static String rows(TInt32 ids, TInt32 types, TInt32 mask) {
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < ids.shape().get(0); r++) {
      List<Integer> rowIds = new ArrayList<>();
      List<Integer> rowTypes = new ArrayList<>();
      for (int c = 0; c < ids.shape().get(1); c++) {
        if (mask.getInt(r, c) == 1) {
          rowIds.add(ids.getInt(r, c));
          rowTypes.add(types.getInt(r, c));
        } else {
          assertThat(ids.getInt(r, c)).as("padding").isZero();
        }
      }
      out.append(rowIds).append(rowTypes).append('\n');
    }
    return out.toString();
  }
}

package org.bertfit.datasets.tokenize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.bertfit.datasets.TestData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenizerJsonTest {

  static Path vocab() throws URISyntaxException {
    return Path.of(BertTokenizer.class.getResource("bert-base-uncased-vocab.txt").toURI());
  }

  /** The real tokenizer.json of the same uncased vocabulary, shipped in a langchain4j jar. */
  static Path referenceTokenizerJson(Path dir) throws IOException {
    Path out = dir.resolve("reference-tokenizer.json");
    try (InputStream in =
        TokenizerJsonTest.class.getResourceAsStream("/all-minilm-l6-v2-tokenizer.json")) {
      Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
    }
    return out;
  }

  @Test
  void tellsWhetherATokenizerLowerCases(@TempDir Path dir) throws Exception {
    assertThat(TokenizerJson.lowercases(TokenizerJson.bertBaseUncased())).isTrue();
    assertThat(TokenizerJson.lowercases(TokenizerJson.forVocabFile(vocab(), false))).isFalse();
    assertThat(TokenizerJson.lowercases(Files.readString(referenceTokenizerJson(dir)))).isTrue();
    assertThat(TokenizerJson.lowercases("{\"normalizer\": {\"type\": \"Sequence\", \"normalizers\":"
        + " [{\"type\": \"NFD\"}, {\"type\": \"Lowercase\"}]}}")).isTrue();
    assertThat(TokenizerJson.lowercases("{\"normalizer\": {\"type\": \"BertNormalizer\"}}")).isTrue();
    assertThat(TokenizerJson.lowercases("{\"normalizer\": null}")).isFalse();
    assertThatThrownBy(() -> TokenizerJson.lowercases("{not json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("tokenizer.json is not valid JSON: ");
  }

  @Test
  void vocabTokenizerMatchesRealTokenizerJson(@TempDir Path dir) throws Exception {
    List<String> texts =
        List.of(
            "Hello, world! This is BERT.",
            "Don't over-think it: naïve café résumé — 10,000 tokens?",
            "@user I can't believe it's #monday again 😩😩",
            "supercalifragilisticexpialidocious antidisestablishmentarianism",
            "日本語のテキストも",
            "");
    try (BertTokenizer ours = BertTokenizer.fromVocab(vocab(), true, 128);
        BertTokenizer reference =
            BertTokenizer.fromTokenizerJson(referenceTokenizerJson(dir), 128)) {
      for (String text : texts) {
        assertThat(ours.encode(text).inputIds())
            .as(text)
            .isEqualTo(reference.encode(text).inputIds());
      }
      TokenizedText hello = ours.encode("Hello, world!");
      // [CLS] hello , world ! [SEP] in the uncased BERT vocabulary
      assertThat(hello.inputIds()).containsExactly(101, 7592, 1010, 2088, 999, 102);
      assertThat(ours.encode("a", "b").tokenTypeIds()).containsExactly(0, 0, 0, 1, 1);
    }
  }

  /** The shipped sample's tweets: unit-test speed, no shared datasets needed. */
  private static List<String> sampleTweets() throws IOException {
    return Files.readAllLines(TestData.sample("tweeteval/sentiment/val_text.txt"), StandardCharsets.UTF_8);
  }

  /** The first 1,000 tweets of the shared TweetEval test split (skipped when it is absent). */
  private static List<String> sharedTweets() throws IOException {
    Path file = TestData.shared("tweeteval/sentiment/test_text.txt");
    return Files.readAllLines(file, StandardCharsets.UTF_8).subList(0, 1000);
  }

  @Test
  void sampleTweetsGiveIdenticalIds(@TempDir Path dir) throws Exception {
    assertIdenticalIds(sampleTweets(), dir);
  }

  @Test
  @Tag("integration")
  void thousandRealTweetsGiveIdenticalIds(@TempDir Path dir) throws Exception {
    assertIdenticalIds(sharedTweets(), dir);
  }

  private static void assertIdenticalIds(List<String> tweets, Path dir) throws Exception {
    try (BertTokenizer ours = BertTokenizer.fromVocab(vocab(), true, 128);
        BertTokenizer reference =
            BertTokenizer.fromTokenizerJson(referenceTokenizerJson(dir), 128)) {
      List<TokenizedText> a = ours.encodeAll(tweets);
      List<TokenizedText> b = reference.encodeAll(tweets);
      for (int i = 0; i < tweets.size(); i++) {
        assertThat(a.get(i).inputIds()).as(tweets.get(i)).isEqualTo(b.get(i).inputIds());
      }
    }
  }

  /** The batch path (native calls) agrees with DJL's per-text encode, truncation flags included. */
  @Test
  void batchEncodingMatchesDjlPerTextOnSampleTweets() throws Exception {
    assertBatchMatchesPerText(sampleTweets());
  }

  @Test
  @Tag("integration")
  void batchEncodingMatchesDjlPerText() throws Exception {
    assertBatchMatchesPerText(sharedTweets());
  }

  private static void assertBatchMatchesPerText(List<String> tweets) throws Exception {
    try (BertTokenizer tokenizer = BertTokenizer.fromVocab(vocab(), true, 24)) {
      List<TokenizedText> batch = tokenizer.encodeAll(tweets);
      List<TokenizedText> pairs = tokenizer.encodeAll(tweets, shifted(tweets));
      int truncated = 0;
      for (int i = 0; i < tweets.size(); i++) {
        TokenizedText single = tokenizer.encode(tweets.get(i));
        assertThat(batch.get(i).inputIds()).as(tweets.get(i)).isEqualTo(single.inputIds());
        assertThat(batch.get(i).tokenTypeIds()).isEqualTo(single.tokenTypeIds());
        assertThat(batch.get(i).truncated()).isEqualTo(single.truncated());
        truncated += single.truncated() ? 1 : 0;
      }
      // both truncated and whole texts are exercised
      assertThat(truncated).isBetween(tweets.size() / 10, tweets.size() * 9 / 10);
      TokenizedText pair = tokenizer.encode(tweets.get(0), tweets.get(1));
      assertThat(pairs.get(0).inputIds()).isEqualTo(pair.inputIds());
      assertThat(pairs.get(0).tokenTypeIds()).isEqualTo(pair.tokenTypeIds()).contains(1);
    }
  }

  @Test
  void truncatesAndPads() throws Exception {
    try (BertTokenizer tokenizer = BertTokenizer.fromVocab(vocab(), true, 5)) {
      TokenizedText cut = tokenizer.encode("one two three four five six");
      assertThat(cut.inputIds()).hasSize(5).startsWith(101).endsWith(102);
      assertThat(cut.truncated()).isTrue();
      EncodedBatch batch = tokenizer.encodeBatch(List.of("one two three four five", "one"), 6);
      assertThat(batch.attentionMask()).containsExactly(1, 1, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0);
      assertThat(batch.length(1)).isEqualTo(3);
    }
  }

  private static List<String> shifted(List<String> texts) {
    List<String> out = new ArrayList<>(texts.subList(1, texts.size()));
    out.add(texts.get(0));
    return out;
  }

  @Test
  void rejectsVocabularyWithoutSpecialTokens() {
    assertThatThrownBy(() -> TokenizerJson.forVocab(List.of("a", "b"), true, "v.txt"))
        .hasMessage("v.txt: the vocabulary has no [PAD] token, which BERT needs");
    assertThatThrownBy(() -> TokenizerJson.forVocab(List.of("[PAD]", "a", "a"), true, "v.txt"))
        .hasMessage("v.txt line 3: duplicate token 'a'");
  }
}

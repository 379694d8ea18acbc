package org.bertfit.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bertfit.datasets.TestData.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bertfit.datasets.io.Column;
import org.bertfit.datasets.io.DatasetReader;
import org.bertfit.datasets.io.ReadOptions;
import org.bertfit.datasets.io.SkipReport;
import org.bertfit.datasets.labels.LabelEncoder;
import org.bertfit.datasets.tokenize.BertTokenizer;
import org.bertfit.datasets.tokenize.SubTokenLabels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncodedDatasetTest {
  private static BertTokenizer tokenizer;
  private static Dataset emotion;
  private static EncodedDataset encoded;

  @BeforeAll
  static void encode() {
    tokenizer = BertTokenizer.bertBaseUncased(64);
    emotion = DatasetReader.read(sample("emotion/train-200.txt"), ReadOptions.defaults());
    encoded = EncodedDataset.encode(emotion, tokenizer, LabelEncoder.fit(emotion));
  }

  @AfterAll
  static void close() {
    tokenizer.close();
  }

  @Test
  void inOrderBatchesPadToTheLongestTextAndCarryClassIds() {
    List<Batch> batches = list(encoded.batches(BatchOptions.inOrder(32), 0));
    assertThat(batches).hasSize(7);
    assertThat(batches.get(6).size()).isEqualTo(200 - 6 * 32);
    Batch first = batches.get(0);
    int[] lengths = encoded.lengths();
    int longest = Arrays.stream(lengths, 0, 32).max().getAsInt();
    assertThat(first.inputs().seqLength()).isEqualTo(longest);
    assertThat(first.indices()).isEqualTo(range(0, 32));
    // line 1 of the sample: "i didnt feel humiliated;sadness" -> sadness is id 4 of the sorted six
    BatchLabels.ClassIds labels = (BatchLabels.ClassIds) first.labels();
    assertThat(labels.ids()[0]).isEqualTo(4);
    assertThat(labels.shape()).containsExactly(32L);
    // [CLS] i didn ##t feel humiliated [SEP]: mask of 7 ones, then padding with id 0
    assertThat(first.inputs().length(0)).isEqualTo(lengths[0]);
    assertThat(first.inputs().inputIds()[longest - 1]).isZero();
  }

  @Test
  void padsToAMultipleOfEight() {
    for (Batch b : encoded.batches(BatchOptions.inOrder(16).withPadToMultipleOf(8), 0)) {
      int longest = Arrays.stream(b.indices()).map(i -> encoded.lengths()[i]).max().getAsInt();
      assertThat(b.inputs().seqLength() % 8).isZero();
      assertThat(b.inputs().seqLength()).isBetween(longest, longest + 7);
    }
  }

  @Test
  void seededShufflingCoversEveryExampleOnceAndRepeatsWithTheSeed() {
    BatchOptions options = BatchOptions.training(16, 7);
    int[] epoch0 = order(encoded.batches(options, 0));
    assertThat(epoch0).isEqualTo(order(encoded.batches(options, 0)));
    assertThat(epoch0).isNotEqualTo(order(encoded.batches(options, 1)));
    assertThat(epoch0).isNotEqualTo(order(encoded.batches(BatchOptions.training(16, 8), 0)));
    assertThat(epoch0).isNotEqualTo(range(0, 200));
    assertThat(Arrays.stream(epoch0).sorted().toArray()).isEqualTo(range(0, 200));
  }

  @Test
  void lengthBucketingPadsLessThanRandomBatches() {
    BatchOptions plain = BatchOptions.training(16, 3);
    BatchOptions bucketed = plain.withBucketWindow(50);
    assertThat(padding(encoded.batches(bucketed, 0)))
        .isLessThan(padding(encoded.batches(plain, 0)) / 3);
    int[] order = order(encoded.batches(bucketed, 0));
    assertThat(Arrays.stream(order).sorted().toArray()).isEqualTo(range(0, 200));
    assertThat(order).isEqualTo(order(encoded.batches(bucketed, 0)));
  }

  @Test
  void multiLabelBatchesAreZeroOneMatrices() {
    Dataset goemotions =
        DatasetReader.read(
            sample("csv/goemotions-200.csv"),
            ReadOptions.builder()
                .labelColumn(Column.named("labels"))
                .labelSeparator(" ")
                .labelNames(LabelEncoder.fromNamesFile(sample("goemotions/labels.txt")).names())
                .build());
    EncodedDataset data =
        EncodedDataset.encode(goemotions, tokenizer, LabelEncoder.fit(goemotions));
    float total = 0;
    for (Batch b : data.batches(BatchOptions.inOrder(50), 0)) {
      BatchLabels.MultiHot labels = (BatchLabels.MultiHot) b.labels();
      assertThat(labels.shape()).containsExactly(50L, 28L);
      for (float v : labels.values()) {
        total += v;
      }
    }
    assertThat(total).isEqualTo(239f);
  }

  /**
   * The MIT restaurant example of seed 001, tokenized there by distilbert-base-uncased (same
   * vocabulary).
   */
  @Test
  void tagsGoToTheFirstSubTokenOrToAll(@TempDir Path dir) throws Exception {
    Dataset data = restaurant(dir);
    LabelEncoder labels = restaurantTags();
    // ['[CLS]', 'a', 'great', 'lunch', 'spot', 'but', 'open', 'till', '2', 'a', 'm', 'pass',
    // '##im',
    //  '##s', 'kitchen', '[SEP]'] in the seed; ids are line numbers - 1 in vocab.txt
    int[] ids = {
      101, 1037, 2307, 6265, 3962, 2021, 2330, 6229, 1016, 1037, 1049, 3413, 5714, 2015, 3829, 102
    };
    Batch first = EncodedDataset.encode(data, tokenizer, labels).batch(new int[] {0}, 1);
    assertThat(first.inputs().inputIds()).isEqualTo(ids);
    assertThat(((BatchLabels.TokenLabels) first.labels()).ids())
        .containsExactly(-100, 0, 1, 0, 0, 0, 2, 3, 3, 3, 3, 4, -100, -100, 5, -100);
    Batch all =
        EncodedDataset.encode(data, tokenizer, labels, SubTokenLabels.ALL).batch(new int[] {0}, 8);
    assertThat(((BatchLabels.TokenLabels) all.labels()).ids())
        .containsExactly(-100, 0, 1, 0, 0, 0, 2, 3, 3, 3, 3, 4, 4, 4, 5, -100);
  }

  /**
   * Predictions are read back at each word's first token; a sentence cut at 10 tokens ([CLS], 8
   * words, [SEP]) leaves its last 4 words without one, and the batch keeps all 12 word tags.
   */
  @Test
  void firstTokensReadWordsBackAndTruncatedWordsHaveNone(@TempDir Path dir) throws Exception {
    Dataset data = restaurant(dir);
    int[] wordIds = EncodedDataset.encodeTexts(data, tokenizer).wordIds(0);
    // [CLS] a great lunch spot but open till 2 a m pass ##im ##s kitchen [SEP]
    assertThat(wordIds).containsExactly(-1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 10, 11, -1);
    assertThat(SubTokenLabels.firstTokens(wordIds, 12))
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 14);
    try (BertTokenizer ten = BertTokenizer.bertBaseUncased(10)) {
      EncodedDataset cut = EncodedDataset.encode(data, ten, restaurantTags(), SubTokenLabels.ALL);
      assertThat(cut.truncatedCount()).isEqualTo(1);
      BatchLabels.TokenLabels labels =
          (BatchLabels.TokenLabels) cut.batch(new int[] {0}, 1).labels();
      assertThat(labels.ids()).containsExactly(-100, 0, 1, 0, 0, 0, 2, 3, 3, -100);
      assertThat(labels.wordIds()[0]).containsExactly(-1, 0, 1, 2, 3, 4, 5, 6, 7, -1);
      assertThat(labels.wordTags()[0]).containsExactly(0, 1, 0, 0, 0, 2, 3, 3, 3, 3, 4, 5);
      assertThat(SubTokenLabels.firstTokens(labels.wordIds()[0], 12))
          .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, -1, -1, -1, -1);
    }
  }

  private static LabelEncoder restaurantTags() {
    return LabelEncoder.of(
        List.of("O", "B-Rating", "B-Hours", "I-Hours", "B-Restaurant_Name", "I-Restaurant_Name"));
  }

  /** The sentence in the MIT restaurant corpus' layout: tag, tab, word. */
  private static Dataset restaurant(Path dir) throws Exception {
    Path file = dir.resolve("restaurant.conll");
    List<String> words =
        List.of(
            "a", "great", "lunch", "spot", "but", "open", "till", "2", "a", "m", "passims",
            "kitchen");
    List<String> tags =
        List.of(
            "O",
            "B-Rating",
            "O",
            "O",
            "O",
            "B-Hours",
            "I-Hours",
            "I-Hours",
            "I-Hours",
            "I-Hours",
            "B-Restaurant_Name",
            "I-Restaurant_Name");
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      text.append(tags.get(i)).append('\t').append(words.get(i)).append('\n');
    }
    Files.writeString(file, text);
    return DatasetReader.read(
        file, ReadOptions.builder().tokenColumn(Column.at(1)).tagColumn(Column.at(0)).build());
  }

  @Test
  void tokenLabelsArePaddedWithIgnoredIds() {
    Dataset conll =
        DatasetReader.read(sample("conll2003/train-sample.txt"), ReadOptions.defaults());
    EncodedDataset data = EncodedDataset.encode(conll, tokenizer, LabelEncoder.fit(conll));
    Batch b = data.batch(new int[] {0, 1}, 8);
    BatchLabels.TokenLabels labels = (BatchLabels.TokenLabels) b.labels();
    assertThat(labels.shape()).containsExactly(2L, (long) b.inputs().seqLength());
    for (int i = 0; i < labels.ids().length; i++) {
      if (b.inputs().attentionMask()[i] == 0) {
        assertThat(labels.ids()[i]).isEqualTo(SubTokenLabels.IGNORED);
      }
    }
    // "EU rejects German call to boycott British lamb ." has 9 words, so 9 labelled tokens
    long labelled = Arrays.stream(labels.ids(), 0, labels.seqLength()).filter(t -> t >= 0).count();
    assertThat(labelled).isEqualTo(9);
  }

  @Test
  void textPairsGetSegmentIds(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("nli.csv");
    Files.writeString(file, "premise,hypothesis,label\nit rains,it is wet,entailment\n");
    Dataset data =
        DatasetReader.read(
            file,
            ReadOptions.builder()
                .textColumn(Column.named("premise"))
                .textPairColumn(Column.named("hypothesis"))
                .build());
    Batch b =
        EncodedDataset.encode(data, tokenizer, LabelEncoder.fit(data)).batch(new int[] {0}, 1);
    // [CLS] it rains [SEP] it is wet [SEP]
    assertThat(b.inputs().tokenTypeIds()).containsExactly(0, 0, 0, 0, 1, 1, 1, 1);
  }

  @Test
  void unseenLabelsAreListed() {
    LabelEncoder trained = LabelEncoder.of(List.of("joy", "sadness"));
    // first lines by `grep -n ';anger$' train-200.txt | head -1` and so on
    assertThatThrownBy(() -> EncodedDataset.encode(emotion, tokenizer, trained))
        .hasMessage(
            emotion.source()
                + ": 4 labels not seen in training: 'anger' (32 times, first at line"
                + " 3), 'love' (12 times, first at line 4), 'surprise' (11 times, first at line 7),"
                + " 'fear' (22 times, first at line 8); known: joy, sadness");
  }

  /** A tokenizer that keeps capitals in front of an uncased vocabulary turns names into [UNK]. */
  @Test
  void unknownTokenShareExposesATokenizerThatDoesNotSuitTheVocabulary() throws Exception {
    Dataset names = new Dataset("hand", Task.SINGLE_LABEL, true,
        List.of(Example.of("The cat sat", List.of("a"), 1), Example.of("in Paris", List.of("b"), 2)),
        List.of(), SkipReport.NONE);
    Path vocab = Path.of(BertTokenizer.class.getResource("bert-base-uncased-vocab.txt").toURI());
    try (BertTokenizer cased = BertTokenizer.fromVocab(vocab, false, 16)) {
      // [CLS] [UNK] cat sat [SEP] and [CLS] in [UNK] [SEP]: 2 of 9 tokens
      EncodedDataset encodedCased = EncodedDataset.encodeTexts(names, cased);
      assertThat(encodedCased.unknownTokenShare()).isEqualTo(2.0 / 9);
    }
    assertThat(EncodedDataset.encodeTexts(names, tokenizer).unknownTokenShare()).isZero();
    assertThat(tokenizer.unknownId()).isEqualTo(100);
  }

  private static List<Batch> list(Iterable<Batch> batches) {
    List<Batch> out = new ArrayList<>();
    batches.forEach(out::add);
    return out;
  }

  private static int[] order(Iterable<Batch> batches) {
    return list(batches).stream().flatMapToInt(b -> Arrays.stream(b.indices())).toArray();
  }

  private static long padding(Iterable<Batch> batches) {
    long pads = 0;
    for (Batch b : batches) {
      pads += Arrays.stream(b.inputs().attentionMask()).filter(m -> m == 0).count();
    }
    return pads;
  }

  private static int[] range(int from, int to) {
    int[] r = new int[to - from];
    Arrays.setAll(r, i -> from + i);
    return r;
  }
}

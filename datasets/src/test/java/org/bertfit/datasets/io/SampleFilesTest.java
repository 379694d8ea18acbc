package org.bertfit.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bertfit.datasets.TestData.sample;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.bertfit.datasets.Dataset;
import org.bertfit.datasets.Task;
import org.bertfit.datasets.TestData;
import org.bertfit.datasets.labels.LabelEncoder;
import org.bertfit.datasets.stats.DatasetStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every input format on a small real sample; counts from samples/README.md (shell commands). */
class SampleFilesTest {
  private static final Map<String, Long> GOEMOTIONS_200 =
      counts(
          "admiration 21, amusement 7, anger 11, annoyance 10, approval 11, caring 5, confusion 7,"
              + " curiosity 11, desire 2, disappointment 6, disapproval 5, disgust 2,"
              + " embarrassment 3, excitement 7, fear 3, gratitude 19, grief 2, joy 5, love 7,"
              + " nervousness 0, optimism 3, pride 0, realization 5, relief 1, remorse 1,"
              + " sadness 4, surprise 5, neutral 76");

  static Stream<Arguments> samples() {
    ReadOptions goemotionsTsv = TestData.goemotions(sample("goemotions/labels.txt"));
    ReadOptions goemotionsCsv =
        ReadOptions.builder()
            .labelColumn(Column.named("labels"))
            .labelSeparator(" ")
            .labelNames(LabelEncoder.fromNamesFile(sample("goemotions/labels.txt")).names())
            .build();
    return Stream.of(
        Arguments.of(
            "emotion/train-200.txt",
            ReadOptions.defaults(),
            DataFormat.SEMICOLON,
            200,
            counts("anger 32, fear 22, joy 76, love 12, sadness 47, surprise 11")),
        Arguments.of(
            "tweeteval/sentiment/val",
            ReadOptions.defaults(),
            DataFormat.TWEETEVAL,
            200,
            counts("negative 32, neutral 86, positive 82")),
        Arguments.of(
            "jsonl/tweets-200.jsonl",
            ReadOptions.defaults(),
            DataFormat.JSONL,
            200,
            counts("negative 32, neutral 86, positive 82")),
        Arguments.of(
            "goemotions/train-200.tsv", goemotionsTsv, DataFormat.TSV, 200, GOEMOTIONS_200),
        Arguments.of("csv/goemotions-200.csv", goemotionsCsv, DataFormat.CSV, 200, GOEMOTIONS_200),
        Arguments.of(
            "conll2003/train-sample.txt",
            ReadOptions.defaults(),
            DataFormat.CONLL,
            11,
            counts("B-LOC 5, B-MISC 8, B-ORG 8, B-PER 8, I-MISC 2, I-ORG 3, I-PER 8, O 222")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void readsSample(
      String path, ReadOptions options, DataFormat format, int rows, Map<String, Long> counts) {
    assertThat(DataFormat.detect(sample(path))).isEqualTo(format);
    Dataset data = DatasetReader.read(sample(path), options);
    DatasetStatistics stats = DatasetStatistics.of(data);
    assertThat(stats.rows()).isEqualTo(rows);
    assertThat(stats.skipped().total()).isZero();
    assertThat(stats.labelCounts()).containsExactlyInAnyOrderEntriesOf(counts);
  }

  @Test
  void multiLabelRowsAndIdsMappedToNames() {
    Dataset data = TestData.sampleGoEmotions();
    assertThat(data.task()).isEqualTo(Task.MULTI_LABEL);
    DatasetStatistics stats = DatasetStatistics.of(data);
    assertThat(stats.rows() - stats.labelsPerExample().get(1)).isEqualTo(34);
    assertThat(stats.labelTotal()).isEqualTo(239);
    // row 1: "My favourite food is anything I didn't have to cook myself.<TAB>27<TAB>eebbqej"
    assertThat(data.get(0).labels()).containsExactly("neutral");
    assertThat(data.get(0).text())
        .isEqualTo("My favourite food is anything I didn't have to cook myself.");
  }

  @Test
  void quotedCsvFieldsAndTweetEvalMapping() {
    Dataset csv =
        DatasetReader.read(
            sample("csv/goemotions-200.csv"),
            ReadOptions.builder().labelColumn(Column.named("labels")).labelSeparator(" ").build());
    // row 2 of the CSV holds a comma inside quotes
    assertThat(csv.get(1).text()).startsWith("Now if he does off himself, everyone");
    assertThat(csv.get(1).line()).isEqualTo(3);
    Dataset tweets =
        DatasetReader.read(sample("tweeteval/sentiment/val_text.txt"), ReadOptions.defaults());
    assertThat(tweets.labelNames()).containsExactly("negative", "neutral", "positive");
    assertThat(tweets.get(0).labels()).containsExactly("neutral");
  }

  @Test
  void conllSentencesSkipDocstartAndKeepWordsWithTags() {
    Dataset data = DatasetReader.read(sample("conll2003/train-sample.txt"), ReadOptions.defaults());
    assertThat(data.task()).isEqualTo(Task.TOKEN_CLASSIFICATION);
    // lines 3-11: "EU NNP B-NP B-ORG" ... ". . O O"
    assertThat(data.get(0).words())
        .containsExactly(
            "EU", "rejects", "German", "call", "to", "boycott", "British", "lamb", ".");
    assertThat(data.get(0).labels())
        .containsExactly("B-ORG", "O", "B-MISC", "O", "O", "O", "B-MISC", "O", "O");
    assertThat(data.get(0).line()).isEqualTo(3);
    assertThat(data.examples().stream().mapToInt(e -> e.words().size()).sum()).isEqualTo(264);
    Dataset chunks =
        DatasetReader.read(
            sample("conll2003/train-sample.txt"),
            ReadOptions.builder().tagColumn(Column.at(2)).build());
    assertThat(chunks.get(0).labels()).startsWith("B-NP", "B-VP", "B-NP", "I-NP");
  }

  static Map<String, Long> counts(String spec) {
    Map<String, Long> map = new LinkedHashMap<>();
    for (String part : spec.split(",")) {
      String[] kv = part.trim().split(" ");
      map.put(kv[0], Long.parseLong(kv[1]));
    }
    return map;
  }
}

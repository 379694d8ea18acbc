package org.bertfit.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bertfit.datasets.TestData.shared;
import static org.bertfit.datasets.io.SampleFilesTest.counts;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.bertfit.datasets.Dataset;
import org.bertfit.datasets.TestData;
import org.bertfit.datasets.stats.DatasetStatistics;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The real datasets of ../shared/datasets, checked against the figures of their SOURCE.md. */
@Tag("integration")
class RealDatasetsTest {

  static Stream<Arguments> emotion() {
    return Stream.of(
        Arguments.of(
            "train.txt", "joy 5362, sadness 4666, anger 2159, fear 1937, love 1304, surprise 572"),
        Arguments.of(
            "validation.txt", "joy 704, sadness 550, anger 275, fear 212, love 178, surprise 81"),
        Arguments.of(
            "test.txt", "joy 695, sadness 581, anger 275, fear 224, love 159, surprise 66"));
  }

  @ParameterizedTest(name = "emotion/{0}")
  @MethodSource("emotion")
  void emotion(String file, String labelCounts) {
    DatasetStatistics stats = stats(shared("emotion/" + file), ReadOptions.defaults());
    Map<String, Long> expected = counts(labelCounts);
    assertThat(stats.rows()).isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum());
    assertThat(stats.labelCounts()).containsExactlyInAnyOrderEntriesOf(expected);
    assertThat(stats.skipped().total()).isZero();
  }

  @Test
  void emotionValidationStartsWithABlankLine() {
    Dataset data = DatasetReader.read(shared("emotion/validation.txt"), ReadOptions.defaults());
    assertThat(data.get(0).line()).isEqualTo(2);
  }

  static Stream<Arguments> tweeteval() {
    return Stream.of(
        Arguments.of("val", 2000, "negative 312, neutral 869, positive 819"),
        Arguments.of("test", 12284, "negative 3972, neutral 5937, positive 2375"));
  }

  @ParameterizedTest(name = "tweeteval/sentiment/{0}")
  @MethodSource("tweeteval")
  void tweeteval(String split, int rows, String labelCounts) {
    DatasetStatistics stats = stats(shared("tweeteval/sentiment/" + split), ReadOptions.defaults());
    assertThat(stats.rows()).isEqualTo(rows);
    assertThat(stats.labelCounts()).containsExactlyEntriesOf(counts(labelCounts));
  }

  @Test
  void tweetevalTrainTextsAreMissing() {
    Path dir = shared("tweeteval/sentiment/mapping.txt").getParent();
    assertThatThrownBy(() -> DatasetReader.read(dir.resolve("train"), ReadOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            dir.resolve("train_text.txt")
                + ": no such file (TweetEval split 'train' needs"
                + " train_text.txt and train_labels.txt)");
  }

  static Stream<Arguments> goemotions() {
    return Stream.of(
        Arguments.of("train.tsv", 43_410, 7_102),
        Arguments.of("dev.tsv", 5_426, 878),
        Arguments.of("test.tsv", 5_427, 837));
  }

  @ParameterizedTest(name = "goemotions/{0}")
  @MethodSource("goemotions")
  void goemotions(String file, int rows, int multiLabelRows) {
    DatasetStatistics stats = DatasetStatistics.of(TestData.sharedGoEmotions(file));
    assertThat(stats.rows()).isEqualTo(rows);
    assertThat(stats.rows() - stats.labelsPerExample().get(1)).isEqualTo(multiLabelRows);
  }

  @Test
  void goemotionsTrainLabelOccurrences() {
    DatasetStatistics stats = DatasetStatistics.of(TestData.sharedGoEmotions("train.tsv"));
    assertThat(stats.labelCounts())
        .containsExactlyInAnyOrderEntriesOf(
            counts(
                "admiration 4130, amusement 2328, anger 1567, annoyance 2470, approval 2939,"
                    + " caring 1087, confusion 1368, curiosity 2191, desire 641,"
                    + " disappointment 1269, disapproval 2022, disgust 793, embarrassment 303,"
                    + " excitement 853, fear 596, gratitude 2662, grief 77, joy 1452, love 2086,"
                    + " nervousness 164, optimism 1581, pride 111, realization 1110, relief 153,"
                    + " remorse 545, sadness 1326, surprise 1060, neutral 14219"));
    assertThat(stats.labelCounts().keySet()).first().isEqualTo("admiration");
  }

  static Stream<Arguments> conll() {
    return Stream.of(
        Arguments.of(
            "train.txt", 14_041, 203_621, "B-PER 6600, B-ORG 6321, B-LOC 7140, B-MISC 3438"),
        Arguments.of("valid.txt", 3_250, 51_362, "B-PER 1842, B-ORG 1341, B-LOC 1837, B-MISC 922"),
        Arguments.of("test.txt", 3_453, 46_435, "B-PER 1617, B-ORG 1661, B-LOC 1668, B-MISC 702"));
  }

  @ParameterizedTest(name = "conll2003/{0}")
  @MethodSource("conll")
  void conll(String file, int sentences, long tokens, String entities) {
    DatasetStatistics stats = stats(shared("conll2003/" + file), ReadOptions.defaults());
    assertThat(stats.rows()).isEqualTo(sentences);
    assertThat(stats.labelTotal()).isEqualTo(tokens);
    assertThat(stats.labelCounts()).containsAllEntriesOf(counts(entities));
  }

  @Test
  void conllTrainTags() {
    DatasetStatistics stats = stats(shared("conll2003/train.txt"), ReadOptions.defaults());
    assertThat(new TreeMap<>(stats.labelCounts()))
        .containsExactlyEntriesOf(
            new TreeMap<>(
                counts(
                    "O 169578, B-PER 6600, I-PER 4528, B-ORG 6321, I-ORG 3704, B-LOC 7140,"
                        + " I-LOC 1157, B-MISC 3438, I-MISC 1155")));
  }

  private static DatasetStatistics stats(Path path, ReadOptions options) {
    return DatasetStatistics.of(DatasetReader.read(path, options));
  }
}

package org.bertfit.datasets.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;
import static org.bertfit.datasets.TestData.sample;

import org.bertfit.datasets.Dataset;
import org.bertfit.datasets.EncodedDataset;
import org.bertfit.datasets.TestData;
import org.bertfit.datasets.io.DatasetReader;
import org.bertfit.datasets.io.ReadOptions;
import org.bertfit.datasets.tokenize.BertTokenizer;
import org.junit.jupiter.api.Test;

class DatasetStatisticsTest {

  /** Reference: {@code numpy.percentile([3,1,4,1,5,9,2,6,5,3,5], [0,50,90,95,99,100])}. */
  @Test
  void percentilesInterpolateAsNumPy() {
    LengthStatistics stats = LengthStatistics.of(new int[] {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5}, 8, 1, 0);
    assertThat(stats.percentiles())
        .containsExactly(
            entry("min", 1.0),
            entry("p50", 4.0),
            entry("p90", 6.0),
            entry("p95", 7.5),
            entry("p99", 8.700000000000001),
            entry("max", 9.0));
    assertThat(stats.mean()).isCloseTo(44.0 / 11, within(1e-12));
  }

  /** The emotion sample: anger 32, fear 22, joy 76, love 12, sadness 47, surprise 11 (README). */
  @Test
  void ratiosAndImbalance() {
    Dataset data = DatasetReader.read(sample("emotion/train-200.txt"), ReadOptions.defaults());
    DatasetStatistics stats = DatasetStatistics.of(data);
    assertThat(stats.labelRatios()).containsEntry("joy", 0.38).containsEntry("surprise", 0.055);
    assertThat(stats.imbalanceRatio()).isCloseTo(76.0 / 11, within(1e-12));
    assertThat(stats.labelsPerExample()).isEmpty();
  }

  /**
   * GoEmotions sample: 200 rows, 239 labels, 34 rows with several; nervousness and pride absent.
   */
  @Test
  void multiLabelStatistics() {
    Dataset data = TestData.sampleGoEmotions();
    DatasetStatistics stats = DatasetStatistics.of(data);
    assertThat(stats.meanLabelsPerExample()).isCloseTo(239.0 / 200, within(1e-12));
    assertThat(stats.labelsPerExample().get(1)).isEqualTo(166);
    assertThat(stats.imbalanceRatio()).isInfinite();
    assertThat(stats.labelRatios()).containsEntry("neutral", 0.38);
  }

  /** Tag shares are of all 264 tags of the CoNLL sample (O 222). */
  @Test
  void tokenClassificationRatiosAreOfTags() {
    Dataset data = DatasetReader.read(sample("conll2003/train-sample.txt"), ReadOptions.defaults());
    DatasetStatistics stats = DatasetStatistics.of(data);
    assertThat(stats.labelTotal()).isEqualTo(264);
    assertThat(stats.labelRatios().get("O")).isCloseTo(222.0 / 264, within(1e-12));
  }

  @Test
  void lengthsCountTruncatedTexts() {
    Dataset data = DatasetReader.read(sample("emotion/train-200.txt"), ReadOptions.defaults());
    try (BertTokenizer tokenizer = BertTokenizer.bertBaseUncased(16)) {
      LengthStatistics lengths =
          DatasetStatistics.of(data, EncodedDataset.encodeTexts(data, tokenizer)).lengths();
      assertThat(lengths.maxLength()).isEqualTo(16);
      assertThat(lengths.percentiles().get("max")).isEqualTo(16.0);
      assertThat(lengths.truncated()).isPositive().isLessThan(200);
      // "i am feeling grouchy" (line 5): [CLS] i am feeling gr ##ou ##chy [SEP] is at most 16
      // tokens
      assertThat(lengths.percentiles().get("min")).isLessThan(16.0);
    }
  }
}

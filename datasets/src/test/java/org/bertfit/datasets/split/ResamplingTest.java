package org.bertfit.datasets.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bertfit.datasets.TestData.sample;

import org.bertfit.datasets.Dataset;
import org.bertfit.datasets.Example;
import org.bertfit.datasets.TestData;
import org.bertfit.datasets.io.DatasetReader;
import org.bertfit.datasets.io.ReadOptions;
import org.bertfit.datasets.stats.DatasetStatistics;
import org.junit.jupiter.api.Test;

/** On the emotion sample: anger 32, fear 22, joy 76, love 12, sadness 47, surprise 11 (README). */
class ResamplingTest {
  private final Dataset data =
      DatasetReader.read(sample("emotion/train-200.txt"), ReadOptions.defaults());

  @Test
  void oversamplesEveryClassToTheMajority() {
    Dataset over = Resampling.oversample(data, 1);
    assertThat(over.size()).isEqualTo(6 * 76);
    assertThat(DatasetStatistics.of(over).labelCounts().values()).containsOnly(76L);
    assertThat(over.examples().subList(0, 200)).isEqualTo(data.examples());
    assertThat(Resampling.oversample(data, 1).examples()).isEqualTo(over.examples());
    assertThat(Resampling.oversample(data, 2).examples()).isNotEqualTo(over.examples());
  }

  @Test
  void undersamplesEveryClassToTheMinority() {
    Dataset under = Resampling.undersample(data, 1);
    assertThat(under.size()).isEqualTo(6 * 11);
    assertThat(DatasetStatistics.of(under).labelCounts().values()).containsOnly(11L);
    assertThat(under.examples()).extracting(Example::line).isSorted().doesNotHaveDuplicates();
    assertThat(Resampling.undersample(data, 1).examples()).isEqualTo(under.examples());
  }

  @Test
  void multiLabelDataIsNotResampled() {
    Dataset multi = TestData.sampleGoEmotions();
    assertThatThrownBy(() -> Resampling.oversample(multi, 1))
        .hasMessage(
            multi.source()
                + ": random resampling needs single-label data; for multi-label data use"
                + " positive weights in the loss");
  }
}

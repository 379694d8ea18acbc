package org.bertfit.datasets.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.bertfit.datasets.TestData.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bertfit.datasets.Dataset;
import org.bertfit.datasets.TestData;
import org.bertfit.datasets.io.DatasetReader;
import org.bertfit.datasets.io.ReadOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelsTest {

  @Test
  void fitsSortedLabelsAndNamesTheKnownOnesForAnUnknownOne() throws Exception {
    Dataset emotion = DatasetReader.read(sample("emotion/train-200.txt"), ReadOptions.defaults());
    LabelEncoder labels = LabelEncoder.fit(emotion);
    assertThat(labels.names())
        .containsExactly("anger", "fear", "joy", "love", "sadness", "surprise");
    assertThat(labels.id("love")).isEqualTo(3);
    assertThatThrownBy(() -> labels.id("joyy"))
        .hasMessage("unknown label 'joyy'; known: anger, fear, joy, love, sadness, surprise");
  }

  @Test
  void readsNamesFilesInBothLayouts() {
    LabelEncoder tweeteval = LabelEncoder.fromNamesFile(sample("tweeteval/sentiment/mapping.txt"));
    assertThat(tweeteval.names()).containsExactly("negative", "neutral", "positive");
    LabelEncoder goemotions = LabelEncoder.fromNamesFile(sample("goemotions/labels.txt"));
    assertThat(goemotions.size()).isEqualTo(28);
    assertThat(goemotions.name(27)).isEqualTo("neutral");
    assertThat(goemotions.id("grief")).isEqualTo(16);
  }

  @Test
  void rejectsGapsAndDuplicates(@TempDir Path dir) throws Exception {
    Path gap = Files.writeString(dir.resolve("mapping.txt"), "0\ta\n2\tb\n");
    assertThatThrownBy(() -> LabelEncoder.fromNamesFile(gap))
        .hasMessage(gap + ": ids must run from 0 to 1; 1 is missing");
    assertThatThrownBy(() -> LabelEncoder.of(List.of("a", "b", "a")))
        .hasMessage("duplicate label 'a' (ids 0 and 2)");
  }

  @Test
  void multiLabelBinarizerRowsAndInverse() {
    MultiLabelBinarizer binarizer =
        new MultiLabelBinarizer(LabelEncoder.of(List.of("a", "b", "c")));
    assertThat(binarizer.transform(List.of("c", "a"))).containsExactly(1f, 0f, 1f);
    assertThat(binarizer.inverse(new float[] {0.7f, 0.5f, 0.2f}, 0.5f)).containsExactly("a");
  }

  /**
   * Reference: scikit-learn 1.2.1, {@code compute_class_weight("balanced", classes=np.arange(6),
   * y=y)} with y built from the emotion train counts of SOURCE.md (anger 2159, fear 1937, joy 5362,
   * love 1304, sadness 4666, surprise 572).
   */
  @Test
  @Tag("integration")
  void balancedWeightsMatchScikitLearn() {
    Dataset train =
        DatasetReader.read(TestData.shared("emotion/train.txt"), ReadOptions.defaults());
    double[] weights = ClassWeights.balanced(train, LabelEncoder.fit(train));
    assertThat(weights)
        .containsExactly(
            new double[] {
              1.2351397251814111,
              1.3766993632765445,
              0.49732686808404825,
              2.044989775051125,
              0.5715102157451064,
              4.662004662004662
            },
            within(1e-12));
  }

  /** (n - positives) / positives from SOURCE.md: 43,410 rows; grief 77, neutral 14,219. */
  @Test
  @Tag("integration")
  void positiveWeightsOfGoEmotions() {
    Dataset train = TestData.sharedGoEmotions("train.tsv");
    LabelEncoder labels = LabelEncoder.fit(train);
    double[] weights = ClassWeights.positive(train, labels);
    assertThat(weights[labels.id("grief")]).isCloseTo((43410.0 - 77) / 77, within(1e-9));
    assertThat(weights[labels.id("neutral")]).isCloseTo((43410.0 - 14219) / 14219, within(1e-9));
  }

  @Test
  void weightsOfAnAbsentLabelAreUndefined() {
    Dataset tweets = DatasetReader.read(sample("tweeteval/sentiment/val"), ReadOptions.defaults());
    Dataset negatives = tweets.subset(new int[] {2}, "one");
    assertThatThrownBy(() -> ClassWeights.balanced(negatives, LabelEncoder.fit(negatives)))
        .hasMessage("label 'neutral' has no examples, so its weight is undefined");
  }
}

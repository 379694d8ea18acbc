package org.bertfit.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The decision rule on probabilities, worked by hand. */
class LabelDecoderTest {
  @Test
  void argmaxTakesTheFirstOfEqualsAsNumpyDoes() {
    LabelDecoder argmax = LabelDecoder.argmax(3);
    assertThat(argmax.decide(new float[] {0.2f, 0.5f, 0.3f}, 0)).containsExactly(1);
    assertThat(argmax.decide(new float[] {9f, 0.4f, 0.2f, 0.4f}, 1)).containsExactly(0);
    assertThat(argmax.decode(new float[] {0.1f, 0.1f, 0.8f}, null).labels()).containsExactly(2);
  }

  @Test
  void thresholdsTakeEveryLabelAtOrAboveItsOwn() {
    LabelDecoder decoder =
        LabelDecoder.thresholds(new Thresholds(List.of("a", "b", "c"), new double[] {0.3, 0.5, 0.7}));
    assertThat(decoder.multiLabel()).isTrue();
    assertThat(decoder.decide(new float[] {0.3f, 0.49f, 0.9f}, 0)).containsExactly(0, 2);
    assertThat(decoder.decide(new float[] {0.1f, 0.2f, 0.3f}, 0)).isEmpty();
  }

  @Test
  void wordsAreReadAtTheirFirstSubTokenAndCutWordsGetMinusOne() {
    // tokens: [CLS] w0 w0' w1 [SEP]; word 2 was cut by truncation
    float[] tokens = {
      0.9f, 0.1f, // [CLS]
      0.2f, 0.8f, // w0
      0.7f, 0.3f, // w0's second sub-token: not read
      0.6f, 0.4f, // w1
      0.5f, 0.5f, // [SEP]
    };
    LabelDecoder.Decision d = LabelDecoder.argmax(2).decode(tokens, new int[] {1, 3, -1});
    assertThat(d.labels()).containsExactly(1, 0, -1);
    assertThat(d.probabilities()).containsExactly(0.2f, 0.8f, 0.6f, 0.4f, 0f, 0f);
  }
}

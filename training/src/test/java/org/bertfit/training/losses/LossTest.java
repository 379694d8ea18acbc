package org.bertfit.training.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Each loss against the same formula computed by hand in double precision. */
class LossTest {
  private static final float[] LOGITS = {2.0f, -1.0f, 0.5f, 0.1f, 0.2f, 3.0f, -2.0f, 1.5f, 0.0f, 1.0f, 1.0f, -0.5f};

  private static double run(Loss loss, float[] logits, long[] logitShape, Operand<?> labels, Ops tf, Session s, boolean mean) {
    Operand<TFloat32> x = tf.constant(Shape.of(logitShape), DataBuffers.of(logits, true, false));
    Operand<TFloat32> out = mean ? loss.mean(tf, x, labels) : tf.reduceSum(loss.perExample(tf, x, labels), tf.constant(0));
    try (Result r = s.runner().fetch(out).run()) {
      return ((TFloat32) r.get(0)).getFloat();
    }
  }

  private static double crossEntropy(float[] logits, int row, int classes, int label) {
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < classes; c++) {
      max = Math.max(max, logits[row * classes + c]);
    }
    double sum = 0;
    for (int c = 0; c < classes; c++) {
      sum += Math.exp(logits[row * classes + c] - max);
    }
    return Math.log(sum) + max - logits[row * classes + label];
  }

  @Test
  void sparseCategoricalCrossEntropyWithClassWeights() {
    int[] labels = {0, 2, 1, 2};
    float[] weights = {1f, 3f, 0.5f};
    double num = 0;
    double den = 0;
    double plain = 0;
    for (int i = 0; i < 4; i++) {
      double ce = crossEntropy(LOGITS, i, 3, labels[i]);
      num += weights[labels[i]] * ce;
      den += weights[labels[i]];
      plain += ce;
    }
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Operand<TInt32> y = tf.constant(labels);
      assertThat(run(new SparseCategoricalCrossEntropy(weights), LOGITS, new long[] {4, 3}, y, tf, s, true))
          .isCloseTo(num / den, within(1e-6));
      assertThat(run(new SparseCategoricalCrossEntropy(null), LOGITS, new long[] {4, 3}, y, tf, s, true))
          .isCloseTo(plain / 4, within(1e-6));
    }
  }

  @Test
  void binaryCrossEntropyWithPosWeight() {
    float[] y = {1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 1, 0};
    float[] posWeight = {2f, 1f, 0.5f};
    double sum = 0;
    for (int i = 0; i < 12; i++) {
      double p = 1 / (1 + Math.exp(-LOGITS[i]));
      sum += -(posWeight[i % 3] * y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p));
    }
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> labels = tf.constant(Shape.of(4, 3), DataBuffers.of(y, true, false));
      assertThat(run(new BinaryCrossEntropy(posWeight), LOGITS, new long[] {4, 3}, labels, tf, s, true))
          .isCloseTo(sum / 12, within(1e-6));
    }
  }

  @Test
  void tokenCrossEntropyIgnoresMinus100() {
    // 2 sentences x 3 tokens x 2 tags; -100 on the first sentence's first token and the second's last.
    int[] tags = {-100, 1, 0, 1, 1, -100};
    double sum = 0;
    int counted = 0;
    double[] perSentence = new double[2];
    int[] perSentenceCount = new int[2];
    for (int t = 0; t < 6; t++) {
      if (tags[t] != -100) {
        double ce = crossEntropy(LOGITS, t, 2, tags[t]);
        sum += ce;
        counted++;
        perSentence[t / 3] += ce;
        perSentenceCount[t / 3]++;
      }
    }
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Operand<TInt32> labels = tf.constant(Shape.of(2, 3), DataBuffers.of(tags, true, false));
      assertThat(run(new TokenCrossEntropy(), LOGITS, new long[] {2, 3, 2}, labels, tf, s, true))
          .isCloseTo(sum / counted, within(1e-6));
      assertThat(run(new TokenCrossEntropy(), LOGITS, new long[] {2, 3, 2}, labels, tf, s, false))
          .isCloseTo(perSentence[0] / perSentenceCount[0] + perSentence[1] / perSentenceCount[1], within(1e-6));
    }
  }
}

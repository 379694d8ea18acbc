package org.bertfit.models.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.bertfit.datasets.Task;
import org.bertfit.datasets.tokenize.EncodedBatch;
import org.bertfit.models.BertConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

class BertGraphTest {
  private static final int HIDDEN = 64;

  @ParameterizedTest
  @EnumSource(Task.class)
  void outputShapesAndProbabilities(Task type) {
    BertConfig config = TinyBert.config(type, 5);
    try (InferenceModel model = InferenceModel.create(config).initialize(1)) {
      EncodedBatch batch = TinyBert.batch(3, 9, 9, 4, 6);
      InferenceModel.Outputs out = model.run(batch);
      assertThat(out.pooled()).hasSize(3 * HIDDEN);
      assertThat(out.sequence()).hasSize(3 * 9 * HIDDEN);
      int rows = type == Task.TOKEN_CLASSIFICATION ? 3 * 9 : 3;
      assertThat(out.logits()).hasSize(rows * 5);
      for (int r = 0; r < rows; r++) {
        float[] logits = Arrays.copyOfRange(out.logits(), r * 5, r * 5 + 5);
        float[] probs = Arrays.copyOfRange(out.probabilities(), r * 5, r * 5 + 5);
        double[] expected =
            type == Task.MULTI_LABEL ? sigmoid(logits) : softmax(logits);
        for (int k = 0; k < 5; k++) {
          assertThat((double) probs[k]).isCloseTo(expected[k], within(1e-6));
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = Task.class, names = {"SINGLE_LABEL", "MULTI_LABEL"})
  void calibrationTemperatureDividesTheLogitsOfTheProbabilitiesOnly(Task type) {
    boolean multi = type == Task.MULTI_LABEL;
    List<Double> temperatures = multi ? List.of(0.25, 0.5, 1.0, 2.0, 4.0) : List.of(0.2);
    BertConfig plain = TinyBert.config(type, 5);
    BertConfig calibrated = plain.toBuilder().temperatures(temperatures).build();
    EncodedBatch batch = TinyBert.batch(3, 9, 9, 4, 6);
    InferenceModel.Outputs raw;
    InferenceModel.Outputs out;
    try (InferenceModel model = InferenceModel.create(plain).initialize(1)) {
      raw = model.run(batch);
    }
    try (InferenceModel model = InferenceModel.create(calibrated).initialize(1)) {
      out = model.run(batch);
    }
    assertThat(out.logits()).containsExactly(raw.logits());
    for (int r = 0; r < 3; r++) {
      float[] scaled = Arrays.copyOfRange(out.logits(), r * 5, r * 5 + 5);
      for (int k = 0; k < 5; k++) {
        scaled[k] /= temperatures.get(multi ? k : 0).floatValue();
      }
      double[] expected = multi ? sigmoid(scaled) : softmax(scaled);
      for (int k = 0; k < 5; k++) {
        assertThat((double) out.probabilities()[r * 5 + k]).isCloseTo(expected[k], within(1e-6));
      }
    }
    assertThat(out.probabilities()).isNotEqualTo(raw.probabilities());
  }

  private static double[] softmax(float[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (float l : logits) {
      max = Math.max(max, l);
    }
    double sum = 0;
    double[] out = new double[logits.length];
    for (int i = 0; i < logits.length; i++) {
      out[i] = Math.exp(logits[i] - max);
      sum += out[i];
    }
    for (int i = 0; i < out.length; i++) {
      out[i] /= sum;
    }
    return out;
  }

  private static double[] sigmoid(float[] logits) {
    return java.util.stream.IntStream.range(0, logits.length)
        .mapToDouble(i -> 1 / (1 + Math.exp(-logits[i])))
        .toArray();
  }

  @Test
  void paddedTokensChangeNoUnmaskedOutput() {
    try (InferenceModel model = InferenceModel.create(TinyBert.config()).initialize(2)) {
      EncodedBatch clean = TinyBert.batch(4, 12, 12, 5, 8);
      int[] noisyIds = clean.inputIds().clone();
      int[] noisyTypes = clean.tokenTypeIds().clone();
      for (int i = 0; i < noisyIds.length; i++) {
        if (clean.attentionMask()[i] == 0) {
          noisyIds[i] = 7 + i % 50;
          noisyTypes[i] = 1;
        }
      }
      EncodedBatch noisy =
          new EncodedBatch(3, 12, noisyIds, clean.attentionMask(), noisyTypes);
      InferenceModel.Outputs a = model.run(clean);
      InferenceModel.Outputs b = model.run(noisy);
      assertThat(b.pooled()).containsExactly(a.pooled(), within(1e-6f));
      assertThat(b.logits()).containsExactly(a.logits(), within(1e-6f));
      for (int i = 0; i < clean.attentionMask().length; i++) {
        if (clean.attentionMask()[i] == 1) {
          for (int h = 0; h < HIDDEN; h++) {
            assertThat(b.sequence()[i * HIDDEN + h]).isCloseTo(a.sequence()[i * HIDDEN + h], within(1e-6f));
          }
        }
      }
      // Changing a real token does change the outputs: the check above can fail.
      int[] changed = clean.inputIds().clone();
      changed[1] = changed[1] == 9 ? 10 : 9;
      InferenceModel.Outputs c =
          model.run(new EncodedBatch(3, 12, changed, clean.attentionMask(), clean.tokenTypeIds()));
      assertThat(Math.abs(c.pooled()[0] - a.pooled()[0])).isGreaterThan(1e-5f);
    }
  }

  @Test
  void moreOrLessPaddingGivesTheSameResults() {
    try (InferenceModel model = InferenceModel.create(TinyBert.config()).initialize(3)) {
      InferenceModel.Outputs tight = model.run(TinyBert.batch(5, 7, 7, 3));
      InferenceModel.Outputs loose = model.run(TinyBert.batch(5, 20, 7, 3));
      assertThat(loose.pooled()).containsExactly(tight.pooled(), within(1e-5f));
      assertThat(loose.logits()).containsExactly(tight.logits(), within(1e-5f));
    }
  }

  @Test
  void inferenceIsDeterministicAndHasNoRandomOps() {
    try (InferenceModel model = InferenceModel.create(TinyBert.config()).initialize(4)) {
      EncodedBatch batch = TinyBert.batch(6, 10, 10, 6);
      assertThat(model.run(batch).logits()).containsExactly(model.run(batch).logits());
      Set<String> types = new HashSet<>();
      for (Iterator<GraphOperation> it = model.parameters().graph().operations(); it.hasNext(); ) {
        types.add(it.next().type());
      }
      // Only the initializer is random; the forward pass has no random or dropout op.
      assertThat(types).noneMatch(t -> t.startsWith("StatelessRandomUniform"));
    }
  }

  @Test
  void trainingModeAppliesSeededDropout() {
    BertConfig config = TinyBert.config();
    try (Graph g = new Graph()) {
      ParameterStore store = new ParameterStore(g);
      BertClassifier classifier = BertClassifier.create(store, config);
      Ops tf = Ops.create(g);
      BertInputs inputs = BertInputs.placeholders(tf);
      var seed = tf.placeholder(TInt64.class);
      ClassifierOutputs train = classifier.apply(tf, inputs, Mode.training(seed));
      ClassifierOutputs infer = classifier.apply(tf, inputs, Mode.inference());
      try (Session s = new Session(g)) {
        s.run(store.initializer(tf, 5, config.initializerRange()));
        EncodedBatch batch = TinyBert.batch(7, 8, 8, 8);
        float[] a = run(s, inputs, train, batch, seed, 1);
        float[] b = run(s, inputs, train, batch, seed, 1);
        float[] c = run(s, inputs, train, batch, seed, 2);
        float[] d = run(s, inputs, infer, batch, seed, 1);
        assertThat(b).containsExactly(a);
        assertThat(c).isNotEqualTo(a);
        assertThat(d).isNotEqualTo(a);
      }
    }
  }

  private static float[] run(
      Session s, BertInputs inputs, ClassifierOutputs outputs, EncodedBatch batch,
      org.tensorflow.Operand<TInt64> seed, long seedValue) {
    try (BatchTensors t = new BatchTensors(batch);
        TInt64 seedTensor = TInt64.vectorOf(seedValue, 0);
        Result r = t.feed(s.runner(), inputs).feed(seed, seedTensor).fetch(outputs.logits()).run()) {
      return Floats.of((TFloat32) r.get(0));
    }
  }

  @Test
  void dropoutDropsAtItsRateAndRescales() {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      var seed = tf.constant(new long[] {11, 0});
      var ones = tf.ones(tf.constant(new int[] {200_000}), TFloat32.class);
      var dropped = Mode.training(seed).dropout(tf, ones, 0.2);
      try (Result r = s.runner().fetch(dropped).run()) {
        float[] v = Floats.of((TFloat32) r.get(0));
        long zeros = 0;
        for (float x : v) {
          if (x == 0) {
            zeros++;
          } else {
            assertThat(x).isCloseTo(1.25f, within(1e-6f));
          }
        }
        // Binomial(200000, 0.2): standard deviation about 179.
        assertThat(zeros).isBetween(40_000L - 900, 40_000L + 900);
      }
    }
  }
}

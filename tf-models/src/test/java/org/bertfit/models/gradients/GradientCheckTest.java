package org.bertfit.models.gradients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.bertfit.datasets.tokenize.EncodedBatch;
import org.bertfit.models.BertConfig;
import org.bertfit.models.graph.BatchTensors;
import org.bertfit.models.graph.BertClassifier;
import org.bertfit.models.graph.BertInputs;
import org.bertfit.models.graph.ClassifierOutputs;
import org.bertfit.models.graph.Floats;
import org.bertfit.models.graph.Mode;
import org.bertfit.models.graph.Parameter;
import org.bertfit.models.graph.ParameterStore;
import org.bertfit.models.graph.TinyBert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt64;

/** Analytic gradients (Graph.addGradients, with bertfit's Java gradients) against finite differences. */
class GradientCheckTest {
  /** The Java gradient of SparseSoftmaxCrossEntropyWithLogits, in float64 for a tight check. */
  @Test
  void sparseSoftmaxCrossEntropy() {
    CustomGradients.register();
    int batch = 4;
    int classes = 5;
    Random random = new Random(3);
    double[] logits = random.doubles(batch * classes, -3, 3).toArray();
    double[] weights = random.doubles(batch, 0.5, 2).toArray();
    long[] labels = {0, 4, 2, 2};
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      var x = tf.placeholder(TFloat64.class);
      var loss =
          tf.reduceSum(
              tf.math.mul(
                  tf.nn.sparseSoftmaxCrossEntropyWithLogits(x, tf.constant(labels)).loss(),
                  tf.constant(Shape.of(batch), DataBuffers.of(weights, true, false))),
              tf.constant(0));
      Output<?>[] grad = g.addGradients(loss.asOutput(), new Output<?>[] {x.asOutput()});
      double[] analytic = run(s, x, grad[0], logits, batch, classes);
      double eps = 1e-6;
      for (int i = 0; i < logits.length; i++) {
        double[] plus = logits.clone();
        double[] minus = logits.clone();
        plus[i] += eps;
        minus[i] -= eps;
        double numeric = (scalar(s, x, loss, plus, batch, classes) - scalar(s, x, loss, minus, batch, classes)) / (2 * eps);
        assertThat(analytic[i]).as("d loss / d logits[%d]", i).isCloseTo(numeric, within(1e-7));
      }
    }
  }

  private static double[] run(Session s, Operand<TFloat64> x, Output<?> out, double[] v, int rows, int cols) {
    try (TFloat64 in = TFloat64.tensorOf(Shape.of(rows, cols), DataBuffers.of(v, true, false));
        Result r = s.runner().feed(x, in).fetch(out).run()) {
      TFloat64 t = (TFloat64) r.get(0);
      double[] values = new double[(int) t.shape().size()];
      t.copyTo(DataBuffers.of(values, false, false));
      return values;
    }
  }

  private static double scalar(Session s, Operand<TFloat64> x, Operand<TFloat64> out, double[] v, int rows, int cols) {
    return run(s, x, out.asOutput(), v, rows, cols)[0];
  }

  /**
   * The whole tiny BERT classifier: a directional derivative of a random projection of the logits
   * with respect to each checked parameter, analytic against central differences.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "bert/embeddings/word_embeddings",
        "bert/embeddings/position_embeddings",
        "bert/embeddings/token_type_embeddings",
        "bert/embeddings/LayerNorm/gamma",
        "bert/encoder/layer_0/attention/self/query/kernel",
        "bert/encoder/layer_0/attention/self/key/kernel",
        "bert/encoder/layer_1/attention/self/value/kernel",
        "bert/encoder/layer_1/intermediate/dense/kernel",
        "bert/encoder/layer_1/output/LayerNorm/beta",
        "bert/pooler/dense/kernel",
        "classifier/kernel",
      })
  void bertClassifier(String name) {
    check(name, TinyBert.config());
  }

  /** The tanh GELU (Google's checkpoints) differentiates as well: its cube goes through Pow. */
  @ParameterizedTest
  @ValueSource(strings = {"bert/encoder/layer_0/intermediate/dense/kernel", "bert/embeddings/word_embeddings"})
  void bertClassifierWithTanhGelu(String name) {
    check(name, TinyBert.config().toBuilder().hiddenAct(org.bertfit.models.HiddenActivation.GELU_NEW).build());
  }

  private void check(String name, BertConfig config) {
    EncodedBatch batch = TinyBert.batch(8, 7, 7, 4);
    try (Graph g = new Graph(); Session s = new Session(g); BatchTensors inputs = new BatchTensors(batch)) {
      ParameterStore store = new ParameterStore(g);
      BertClassifier model = BertClassifier.create(store, config);
      Ops tf = Ops.create(g);
      BertInputs in = BertInputs.placeholders(tf);
      ClassifierOutputs out = model.apply(tf, in, Mode.inference());
      Random random = new Random(name.hashCode());
      float[] projection = new float[2 * config.numLabels()];
      for (int i = 0; i < projection.length; i++) {
        projection[i] = (float) random.nextGaussian();
      }
      Operand<TFloat32> loss =
          tf.reduceSum(
              tf.math.mul(out.logits(), tf.constant(Shape.of(2, config.numLabels()), DataBuffers.of(projection, true, false))),
              tf.constant(new int[] {0, 1}));
      Parameter p = store.get(name);
      Output<?>[] grad = g.addGradients(loss.asOutput(), new Output<?>[] {p.variable().asOutput()});
      s.run(store.initializer(tf, 17, 0.2));

      float[] theta = fetch(s, inputs, in, p.variable().asOutput());
      float[] gradient = fetch(s, inputs, in, grad[0]);
      // A unit direction, half random and half along the analytic gradient (so the derivative is
      // well above float32 noise): the step eps * direction stays small whatever the size of p.
      double[] gaussian = random.doubles(theta.length).map(u -> random.nextGaussian()).toArray();
      double gaussianNorm = norm(gaussian);
      double gradientNorm = norm(java.util.stream.IntStream.range(0, gradient.length).mapToDouble(i -> gradient[i]).toArray());
      double[] mixed = new double[theta.length];
      for (int i = 0; i < theta.length; i++) {
        mixed[i] = gaussian[i] / gaussianNorm + gradient[i] / gradientNorm;
      }
      double mixedNorm = norm(mixed);
      float[] direction = new float[theta.length];
      double analytic = 0;
      for (int i = 0; i < theta.length; i++) {
        direction[i] = (float) (mixed[i] / mixedNorm);
        analytic += gradient[i] * direction[i];
      }
      double eps = 1e-2;
      double numeric = (loss(s, store, p, inputs, in, loss, theta, direction, eps)
          - loss(s, store, p, inputs, in, loss, theta, direction, -eps)) / (2 * eps);
      assertThat(analytic).as(name).isCloseTo(numeric, within(1e-3 + 1e-2 * Math.abs(numeric)));
      assertThat(Math.abs(analytic)).as("a non-trivial derivative for %s", name).isGreaterThan(0.05);
    }
  }

  private static double norm(double[] v) {
    return Math.sqrt(java.util.Arrays.stream(v).map(x -> x * x).sum());
  }

  private static double loss(
      Session s, ParameterStore store, Parameter p, BatchTensors inputs, BertInputs in,
      Operand<TFloat32> loss, float[] theta, float[] direction, double eps) {
    float[] moved = new float[theta.length];
    for (int i = 0; i < theta.length; i++) {
      moved[i] = (float) (theta[i] + eps * direction[i]);
    }
    store.assign(s, List.of(p), q -> TFloat32.tensorOf(Shape.of(q.shape()), DataBuffers.of(moved, true, false)));
    double value = fetch(s, inputs, in, loss.asOutput())[0];
    store.assign(s, List.of(p), q -> TFloat32.tensorOf(Shape.of(q.shape()), DataBuffers.of(theta, true, false)));
    return value;
  }

  private static float[] fetch(Session s, BatchTensors inputs, BertInputs in, Output<?> output) {
    try (Result r = inputs.feed(s.runner(), in).fetch(output).run()) {
      return Floats.of((TFloat32) r.get(0));
    }
  }

  /**
   * With dropout on, every parameter gets a gradient that is finite and not all zeros when run
   * (a parameter cut off from the loss would get zeros, or no gradient at all).
   */
  @Test
  void trainingGraphDifferentiatesEveryParameter() {
    CustomGradients.register();
    try (Graph g = new Graph(); Session s = new Session(g)) {
      ParameterStore store = new ParameterStore(g);
      BertClassifier model = BertClassifier.create(store, TinyBert.config());
      Ops tf = Ops.create(g);
      BertInputs in = BertInputs.placeholders(tf);
      var seed = tf.placeholder(TInt64.class);
      ClassifierOutputs out = model.apply(tf, in, Mode.training(seed));
      Output<?>[] vars =
          store.parameters().stream().map(p -> p.variable().asOutput()).toArray(Output<?>[]::new);
      Output<?>[] grads = g.addGradients(tf.reduceSum(out.logits(), tf.constant(new int[] {0, 1})).asOutput(), vars);
      assertThat(grads).hasSize(store.parameters().size()).doesNotContainNull();
      s.run(store.initializer(tf, 5, 0.02));
      try (BatchTensors inputs = new BatchTensors(TinyBert.batch(4, 10, 10, 3));
          TInt64 seedValue = TInt64.vectorOf(7, 1)) {
        Session.Runner runner = inputs.feed(s.runner(), in).feed(seed, seedValue);
        for (Output<?> grad : grads) {
          runner.fetch(grad);
        }
        try (Result r = runner.run()) {
          for (int i = 0; i < grads.length; i++) {
            float[] values = Floats.of((TFloat32) r.get(i));
            String name = store.parameters().get(i).name();
            double largest = 0;
            for (float v : values) {
              assertThat(Float.isFinite(v)).as("finite gradient of %s", name).isTrue();
              largest = Math.max(largest, Math.abs(v));
            }
            assertThat(largest).as("gradient of %s", name).isGreaterThan(0);
          }
        }
      }
    }
  }
}

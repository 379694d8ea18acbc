package org.bertfit.training.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bertfit.models.graph.Floats;
import org.bertfit.models.graph.Initializer;
import org.bertfit.models.graph.Parameter;
import org.bertfit.models.graph.ParameterStore;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Three steps of each optimizer on {@code sum((w - c)^2)}, against PyTorch's update rules written
 * out in double precision: AdamW (decoupled decay, not on biases), Adam (L2 in the gradient), SGD
 * with momentum.
 */
class OptimizerTest {
  private static final float[] START = {0.5f, -1.0f, 2.0f};
  private static final float[] TARGET = {1.0f, 1.0f, -1.0f};
  private static final double LR = 0.1;
  private static final double WD = 0.05;

  /** Runs 3 steps for a kernel (decays) and a bias (does not); returns both. */
  private static Map<String, float[]> run(Optimizer optimizer) {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      ParameterStore store = new ParameterStore(g);
      ParameterStore slotsStore = new ParameterStore(g);
      Ops tf = Ops.create(g);
      store.create("classifier/kernel", new long[] {3}, Initializer.ZEROS);
      store.create("classifier/bias", new long[] {3}, Initializer.ZEROS);
      Operand<TFloat32> target = tf.constant(TARGET);
      List<Parameter> params = store.parameters();
      Operand<TFloat32> loss = null;
      for (Parameter p : params) {
        Operand<TFloat32> term =
            tf.reduceSum(tf.math.square(tf.math.sub(p.variable(), target)), tf.constant(0));
        loss = loss == null ? term : tf.math.add(loss, term);
      }
      Output<?>[] grads = g.addGradients(loss.asOutput(), params.stream().map(p -> p.variable().asOutput()).toArray(Output<?>[]::new));
      List<Operand<TFloat32>> gradients = new ArrayList<>();
      for (Output<?> o : grads) {
        @SuppressWarnings("unchecked")
        Operand<TFloat32> grad = (Operand<TFloat32>) (Operand<?>) o;
        gradients.add(grad);
      }
      Map<String, Variable<TFloat32>> slots = new HashMap<>();
      Slots factory = (p, name) -> slots.computeIfAbsent(p.name() + "/" + name,
          k -> slotsStore.create("optimizer/" + k, p.shape(), Initializer.ZEROS));
      var t = tf.placeholder(TFloat32.class);
      Op update = optimizer.apply(tf, factory, params, gradients, tf.constant((float) LR), t, WD);
      s.run(slotsStore.initializer(tf, 0, 0));
      for (Parameter p : params) {
        s.run(tf.assign(p.variable(), tf.constant(START)));
      }
      for (int step = 1; step <= 3; step++) {
        try (TFloat32 tv = TFloat32.scalarOf(step)) {
          s.runner().feed(t, tv).addTarget(update).run();
        }
      }
      Map<String, float[]> out = new HashMap<>();
      for (Parameter p : params) {
        try (Result r = s.runner().fetch(p.variable()).run()) {
          out.put(p.name(), Floats.of((TFloat32) r.get(0)));
        }
      }
      return out;
    }
  }

  /** PyTorch's Adam/AdamW for one tensor, in double precision. */
  private static double[] torchAdam(boolean decoupled, boolean decay) {
    double b1 = 0.9;
    double b2 = 0.999;
    double eps = 1e-8;
    double[] w = {START[0], START[1], START[2]};
    double[] m = new double[3];
    double[] v = new double[3];
    for (int step = 1; step <= 3; step++) {
      for (int i = 0; i < 3; i++) {
        double g = 2 * (w[i] - TARGET[i]);
        if (decay && decoupled) {
          w[i] *= 1 - LR * WD;
        } else if (decay) {
          g += WD * w[i];
        }
        m[i] = b1 * m[i] + (1 - b1) * g;
        v[i] = b2 * v[i] + (1 - b2) * g * g;
        double mHat = m[i] / (1 - Math.pow(b1, step));
        double vHat = v[i] / (1 - Math.pow(b2, step));
        w[i] -= LR * mHat / (Math.sqrt(vHat) + eps);
      }
    }
    return w;
  }

  private static double[] torchSgd(double momentum, boolean decay) {
    double[] w = {START[0], START[1], START[2]};
    double[] buf = new double[3];
    for (int step = 1; step <= 3; step++) {
      for (int i = 0; i < 3; i++) {
        double g = 2 * (w[i] - TARGET[i]) + (decay ? WD * w[i] : 0);
        buf[i] = step == 1 ? g : momentum * buf[i] + g;
        w[i] -= LR * buf[i];
      }
    }
    return w;
  }

  private static void assertClose(float[] actual, double[] expected) {
    for (int i = 0; i < expected.length; i++) {
      assertThat((double) actual[i]).isCloseTo(expected[i], within(1e-5));
    }
  }

  @Test
  void adamWDecaysKernelsNotBiases() {
    Map<String, float[]> w = run(Optimizer.adamW());
    assertClose(w.get("classifier/kernel"), torchAdam(true, true));
    assertClose(w.get("classifier/bias"), torchAdam(true, false));
    assertThat(torchAdam(true, true)[2]).isNotCloseTo(torchAdam(true, false)[2], within(1e-4));
  }

  @Test
  void adamAddsL2ToTheGradient() {
    Map<String, float[]> w = run(Optimizer.adam());
    assertClose(w.get("classifier/kernel"), torchAdam(false, true));
    assertClose(w.get("classifier/bias"), torchAdam(false, false));
  }

  @Test
  void sgdWithMomentum() {
    Map<String, float[]> w = run(Optimizer.sgd(0.9));
    assertClose(w.get("classifier/kernel"), torchSgd(0.9, true));
    assertClose(w.get("classifier/bias"), torchSgd(0.9, false));
  }
}

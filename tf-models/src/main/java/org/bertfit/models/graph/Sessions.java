package org.bertfit.models.graph;

import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.internal.c_api.global.tensorflow;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.OptimizerOptions.GlobalJitLevel;

/**
 * Opens the TensorFlow session of a bertfit graph, with what a session configuration alone does not
 * turn on: a configuration asking for XLA's JIT also sets TensorFlow's process-wide CPU JIT flag
 * (what {@code TF_XLA_FLAGS=--tf_xla_cpu_global_jit} does), without which TensorFlow compiles with
 * XLA on GPUs only. Sessions without a JIT level are not affected by the flag.
 */
public final class Sessions {
  private Sessions() {}

  /** A session on {@code graph}; {@code config} null for TensorFlow's defaults. */
  public static Session open(Graph graph, ConfigProto config) {
    if (config == null) {
      return new Session(graph);
    }
    GlobalJitLevel jit = config.getGraphOptions().getOptimizerOptions().getGlobalJitLevel();
    if (jit == GlobalJitLevel.ON_1 || jit == GlobalJitLevel.ON_2) {
      enableCpuJit();
    }
    return new Session(graph, config);
  }

  /** Turns on XLA's JIT for CPU sessions whose configuration asks for it; returns whether it was on. */
  static synchronized boolean enableCpuJit() {
    return tensorflow.TF_SetTfXlaCpuGlobalJit((byte) 1) != 0;
  }
}

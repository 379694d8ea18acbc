package org.bertfit.models.device;

import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.bertfit.models.device.SessionConfigs;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.OptimizerOptions.GlobalJitLevel;

/**
 * Opens the TensorFlow session of a bertfit graph. A configuration asking for XLA's JIT compiles on
 * CPU only when the JVM started with {@code TF_XLA_FLAGS=--tf_xla_cpu_global_jit} in its
 * environment (TensorFlow reads it once, when it loads; {@code ./bertfit} sets it): without it, the
 * session runs without XLA and a warning says so.
 */
public final class Sessions {
  private static final Logger LOG = LogManager.getLogger();
  static final String CPU_JIT_FLAG = "--tf_xla_cpu_global_jit";

  private Sessions() {}

  /**
   * A session on {@code graph}; {@code options} null for TensorFlow's defaults.
   *
   * @throws IllegalStateException when a GPU is asked for and TensorFlow sees none, saying why
   */
  public static Session open(Graph graph, SessionOptions options) {
    if (options == null) {
      return new Session(graph);
    }
    ConfigProto config = SessionConfigs.checked(options);
    GlobalJitLevel jit = config.getGraphOptions().getOptimizerOptions().getGlobalJitLevel();
    if ((jit == GlobalJitLevel.ON_1 || jit == GlobalJitLevel.ON_2) && !cpuJitEnabled(System.getenv())) {
      LOG.warn("XLA was asked for, but TensorFlow compiles with XLA on CPU only when the JVM starts with"
          + " TF_XLA_FLAGS={} (./bertfit sets it): running without XLA on CPU", CPU_JIT_FLAG);
    }
    return new Session(graph, config);
  }

  /** Whether {@code env} turns XLA's CPU JIT on. */
  static boolean cpuJitEnabled(Map<String, String> env) {
    String flags = env.get("TF_XLA_FLAGS");
    return flags != null && flags.contains(CPU_JIT_FLAG.substring(2));
  }
}

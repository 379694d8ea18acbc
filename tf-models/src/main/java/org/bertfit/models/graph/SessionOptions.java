package org.bertfit.models.graph;

import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GPUOptions;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.OptimizerOptions;
import org.tensorflow.proto.RewriterConfig;

/**
 * How TensorFlow runs a model's graph, turned into a {@code ConfigProto}. The same code path serves
 * CPU and GPU: with the {@code gpu} Maven profile TensorFlow places ops on the GPU by itself; these
 * options only tune it.
 *
 * @param intraOpThreads threads inside one op (0: TensorFlow's choice, the number of cores)
 * @param interOpThreads ops run in parallel (0: TensorFlow's choice)
 * @param xla compile the graph with XLA's JIT (global level 1; on CPU only when the JVM starts with
 *     {@code TF_XLA_FLAGS=--tf_xla_cpu_global_jit}, see {@link Sessions})
 * @param bfloat16 oneDNN's automatic mixed precision: bfloat16 where it is safe (CPUs with AVX512-BF16 or AMX)
 * @param gpuMemoryGrowth allocate GPU memory as needed instead of all at once
 * @param visibleGpus GPUs to use, e.g. {@code "0"} or {@code "0,1"} (null: all)
 * @param logDevicePlacement log which device runs each op
 */
public record SessionOptions(
    int intraOpThreads,
    int interOpThreads,
    boolean xla,
    boolean bfloat16,
    boolean gpuMemoryGrowth,
    String visibleGpus,
    boolean logDevicePlacement) {

  /** TensorFlow's defaults, with GPU memory growth on (harmless on CPU). */
  public static SessionOptions defaults() {
    return new SessionOptions(0, 0, false, false, true, null, false);
  }

  public SessionOptions withXla(boolean on) {
    return new SessionOptions(intraOpThreads, interOpThreads, on, bfloat16, gpuMemoryGrowth, visibleGpus, logDevicePlacement);
  }

  public SessionOptions withBfloat16(boolean on) {
    return new SessionOptions(intraOpThreads, interOpThreads, xla, on, gpuMemoryGrowth, visibleGpus, logDevicePlacement);
  }

  /** The session configuration. */
  public ConfigProto toConfigProto() {
    GPUOptions.Builder gpu = GPUOptions.newBuilder().setAllowGrowth(gpuMemoryGrowth);
    if (visibleGpus != null) {
      gpu.setVisibleDeviceList(visibleGpus);
    }
    RewriterConfig.Builder rewriter = RewriterConfig.newBuilder();
    if (bfloat16) {
      rewriter.setAutoMixedPrecisionOnednnBfloat16(RewriterConfig.Toggle.ON);
    }
    OptimizerOptions.Builder optimizer = OptimizerOptions.newBuilder();
    if (xla) {
      optimizer.setGlobalJitLevel(OptimizerOptions.GlobalJitLevel.ON_1);
    }
    return ConfigProto.newBuilder()
        .setIntraOpParallelismThreads(intraOpThreads)
        .setInterOpParallelismThreads(interOpThreads)
        .setAllowSoftPlacement(true)
        .setLogDevicePlacement(logDevicePlacement)
        .setGpuOptions(gpu)
        .setGraphOptions(GraphOptions.newBuilder().setRewriteOptions(rewriter).setOptimizerOptions(optimizer))
        .build();
  }
}

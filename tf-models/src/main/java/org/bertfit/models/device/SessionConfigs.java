package org.bertfit.models.device;

import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GPUOptions;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.OptimizerOptions;
import org.tensorflow.proto.RewriterConfig;

/**
 * Turns bertfit's {@link SessionOptions} into TensorFlow's {@code ConfigProto}, the one place that
 * type is built: the public API takes {@code SessionOptions} only.
 */
final class SessionConfigs {
  private SessionConfigs() {}

  /** The session configuration, unchecked; TensorFlow's defaults for null options. */
  static ConfigProto of(SessionOptions options) {
    if (options == null) {
      return ConfigProto.getDefaultInstance();
    }
    Device device = options.device();
    GPUOptions.Builder gpu = GPUOptions.newBuilder().setAllowGrowth(options.gpuMemoryGrowth());
    if (options.visibleGpus() != null) {
      gpu.setVisibleDeviceList(options.visibleGpus());
    } else if (device.index() >= 0) {
      gpu.setVisibleDeviceList(Integer.toString(device.index()));
    }
    RewriterConfig.Builder rewriter = RewriterConfig.newBuilder();
    if (options.bfloat16()) {
      rewriter.setAutoMixedPrecisionOnednnBfloat16(RewriterConfig.Toggle.ON);
    }
    OptimizerOptions.Builder optimizer = OptimizerOptions.newBuilder();
    if (options.xla()) {
      optimizer.setGlobalJitLevel(OptimizerOptions.GlobalJitLevel.ON_1);
    }
    ConfigProto.Builder proto = ConfigProto.newBuilder();
    if (device.kind() == Device.Kind.CPU) {
      proto.putDeviceCount("GPU", 0);
    }
    return proto
        .setIntraOpParallelismThreads(options.intraOpThreads())
        .setInterOpParallelismThreads(options.interOpThreads())
        .setAllowSoftPlacement(true)
        .setLogDevicePlacement(options.logDevicePlacement())
        .setGpuOptions(gpu)
        .setGraphOptions(GraphOptions.newBuilder().setRewriteOptions(rewriter).setOptimizerOptions(optimizer))
        .build();
  }

  /**
   * The session configuration, after checking the device against what TensorFlow sees.
   *
   * @throws IllegalStateException when a GPU is asked for and TensorFlow sees none, saying why
   */
  static ConfigProto checked(SessionOptions options) {
    if (options.device().kind() != Device.Kind.CPU) {
      DeviceCheck.SHARED.check(options.device(), DeviceReport.probe(options));
    }
    return of(options);
  }
}

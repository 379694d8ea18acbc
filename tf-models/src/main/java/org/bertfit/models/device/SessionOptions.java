package org.bertfit.models.device;

import org.bertfit.models.device.Device;
import org.bertfit.models.device.DeviceCheck;
import org.bertfit.models.device.DeviceReport;

/**
 * How TensorFlow runs a model's graph: what {@code Model}, {@code InferenceModel} and the
 * classifiers take to open their sessions. The same code path serves CPU and GPU: with the {@code
 * gpu} Maven profile TensorFlow places ops on the GPU by itself; {@code device} says which one is
 * wanted, and opening a session fails when a GPU is asked for and TensorFlow sees none.
 *
 * @param intraOpThreads threads inside one op (0: TensorFlow's choice, the number of cores)
 * @param interOpThreads ops run in parallel (0: TensorFlow's choice)
 * @param xla compile the graph with XLA's JIT (global level 1; on CPU only when the JVM starts with
 *     {@code TF_XLA_FLAGS=--tf_xla_cpu_global_jit}, see {@link Sessions})
 * @param bfloat16 oneDNN's automatic mixed precision: bfloat16 where it is safe (CPUs with AVX512-BF16 or AMX)
 * @param gpuMemoryGrowth allocate GPU memory as needed instead of all at once
 * @param visibleGpus GPUs to use, e.g. {@code "0"} or {@code "0,1"} (null: all)
 * @param logDevicePlacement log which device runs each op
 * @param device where to run: {@link Device#AUTO} (a GPU when TensorFlow sees one), CPU, or a GPU
 */
public record SessionOptions(
    int intraOpThreads,
    int interOpThreads,
    boolean xla,
    boolean bfloat16,
    boolean gpuMemoryGrowth,
    String visibleGpus,
    boolean logDevicePlacement,
    Device device) {

  public SessionOptions {
    if (device == null) {
      throw new IllegalArgumentException("device must not be null (Device.AUTO for TensorFlow's choice)");
    }
    if (visibleGpus != null && (device.index() >= 0 || device.kind() == Device.Kind.CPU)) {
      throw new IllegalArgumentException(
          "visibleGpus (" + visibleGpus + ") and device " + device + " both choose devices: give one of them");
    }
  }

  /** TensorFlow's defaults, with GPU memory growth on (harmless on CPU), on the device it chooses. */
  public static SessionOptions defaults() {
    return new SessionOptions(0, 0, false, false, true, null, false, Device.AUTO);
  }

  public SessionOptions withXla(boolean on) {
    return new SessionOptions(intraOpThreads, interOpThreads, on, bfloat16, gpuMemoryGrowth, visibleGpus, logDevicePlacement, device);
  }

  public SessionOptions withBfloat16(boolean on) {
    return new SessionOptions(intraOpThreads, interOpThreads, xla, on, gpuMemoryGrowth, visibleGpus, logDevicePlacement, device);
  }

  public SessionOptions withDevice(Device where) {
    return new SessionOptions(intraOpThreads, interOpThreads, xla, bfloat16, gpuMemoryGrowth, visibleGpus, logDevicePlacement, where);
  }

  /**
   * Where a session with these options runs, after checking the device against what TensorFlow sees.
   *
   * @throws IllegalStateException when a GPU is asked for and TensorFlow sees none, saying why
   */
  public DeviceReport deviceReport() {
    DeviceReport report = DeviceReport.probe(this);
    DeviceCheck.SHARED.check(device, report);
    return report;
  }
}

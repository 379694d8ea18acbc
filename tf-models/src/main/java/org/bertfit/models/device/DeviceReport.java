package org.bertfit.models.device;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.bertfit.models.device.SessionOptions;
import org.bertfit.models.device.SessionConfigs;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.proto.ConfigProto;

/**
 * Where a session runs, as TensorFlow reports it: the devices it sees (the CPU with its instruction
 * sets and threads; each GPU with its memory, and name and compute capability from {@code
 * nvidia-smi}), the device its placer gives the {@code MatMul}s, whether the natives are a CUDA
 * build, and, when it sees no GPU, why.
 *
 * @param cudaBuild whether the TensorFlow natives have GPU kernels ({@code -Pgpu})
 * @param devices the devices a session with these options sees
 * @param matMulDevice where TensorFlow places a MatMul, e.g. {@code CPU:0} or {@code GPU:0}
 * @param cpu the CPU
 * @param intraOpThreads threads per op (0: TensorFlow's default, one per core)
 * @param interOpThreads ops in parallel (0: TensorFlow's default)
 * @param gpus {@code nvidia-smi}'s description of each GPU (empty without GPUs)
 * @param noGpuReason why TensorFlow sees no GPU, or null when it sees one
 */
public record DeviceReport(
    boolean cudaBuild,
    List<Listed> devices,
    String matMulDevice,
    CpuInfo cpu,
    int intraOpThreads,
    int interOpThreads,
    List<String> gpus,
    String noGpuReason) {

  /**
   * A device as TensorFlow lists it.
   *
   * @param name e.g. {@code CPU:0}, {@code GPU:0}
   * @param type {@code CPU} or {@code GPU}
   * @param memoryBytes the memory TensorFlow may use on it
   */
  public record Listed(String name, String type, long memoryBytes) {}

  public DeviceReport {
    devices = List.copyOf(devices);
    gpus = List.copyOf(gpus);
  }

  /**
   * Asks TensorFlow where a session with {@code options} runs (null: TensorFlow's defaults).
   *
   * @throws IllegalStateException when TensorFlow rejects the device
   */
  public static DeviceReport probe(SessionOptions options) {
    try {
      return probe(SessionConfigs.of(options));
    } catch (TensorFlowException e) {
      throw new IllegalStateException(
          "device " + (options == null ? Device.AUTO : options.device()) + ": TensorFlow rejects it: "
              + e.getMessage(), e);
    }
  }

  /** Asks TensorFlow where a session configured by {@code config} runs. */
  static DeviceReport probe(ConfigProto config) {
    boolean cuda = TensorFlowDevices.cudaKernels();
    List<Listed> devices = TensorFlowDevices.list(config);
    boolean anyGpu = devices.stream().anyMatch(d -> d.type().equals("GPU"));
    String matMul = TensorFlowDevices.matMulDevice(config);
    return new DeviceReport(cuda, devices, matMul, CpuInfo.local(), config.getIntraOpParallelismThreads(),
        config.getInterOpParallelismThreads(), anyGpu ? NvidiaSmi.gpus(config.getGpuOptions().getVisibleDeviceList()) : List.of(),
        anyGpu ? null : noGpuReason(cuda, gpusHidden(config), CudaLibraries::missingHere));
  }

  /** Whether the configuration itself hides the GPUs ({@code device_count {GPU: 0}}, as --device cpu does). */
  static boolean gpusHidden(ConfigProto config) {
    return config.getDeviceCountMap().getOrDefault("GPU", -1) == 0;
  }

  /** Why TensorFlow sees no GPU, from what can be checked without one. */
  static String noGpuReason(boolean cudaBuild, boolean hidden, Supplier<List<String>> missing) {
    if (hidden) {
      return "hidden by the session options (device cpu)";
    }
    if (!cudaBuild) {
      return "the TensorFlow natives on the class path are the CPU build (tensorflow-core-native"
          + " linux-x86_64): build bertfit with mvn -Pgpu for the CUDA build";
    }
    List<String> absent = missing.get();
    if (absent.contains(CudaLibraries.DRIVER)) {
      return "no NVIDIA driver: " + CudaLibraries.DRIVER + " is not in the loader's path (no GPU on"
          + " this machine, or its driver is not installed; nvidia-smi shows which)";
    }
    if (!absent.isEmpty()) {
      return "CUDA/cuDNN libraries not found: " + String.join(", ", absent) + " (TensorFlow 2.18 needs"
          + " CUDA 12 and cuDNN 9 in LD_LIBRARY_PATH or the ldconfig cache)";
    }
    return "the NVIDIA driver and the CUDA 12 and cuDNN 9 libraries are present, but TensorFlow"
        + " created no GPU device (CUDA_VISIBLE_DEVICES, a GPU or driver too old for CUDA 12, or"
        + " a library version mismatch: TF_CPP_MIN_LOG_LEVEL=0 shows TensorFlow's own reason)";
  }

  /** Whether TensorFlow sees at least one GPU. */
  public boolean seesGpu() {
    return noGpuReason == null;
  }

  /** The GPUs TensorFlow sees. */
  public List<Listed> gpuDevices() {
    return devices.stream().filter(d -> d.type().equals("GPU")).toList();
  }

  /** One line saying where the run executes, for the start of each command and the training log. */
  public String line() {
    List<String> seen = new ArrayList<>();
    for (Listed d : devices) {
      if (d.type().equals("CPU")) {
        seen.add(d.name() + " " + cpu.summary() + " with " + threads(intraOpThreads, "per op") + ", "
            + threads(interOpThreads, "ops at once"));
      } else if (d.type().equals("GPU")) {
        int i = gpuDevices().indexOf(d);
        String described = i < gpus.size() ? gpus.get(i) + ", " : "";
        seen.add(d.name() + " (" + described + gib(d.memoryBytes()) + " for TensorFlow)");
      }
    }
    String natives = cudaBuild ? "CUDA build" : "CPU build";
    String gpu = seesGpu() ? "" : "; no GPU: " + noGpuReason;
    return "device: MatMuls on " + matMulDevice + "; TensorFlow sees " + String.join(", ", seen)
        + "; natives: " + natives + gpu;
  }

  /** The report as JSON-ready values, for {@code trainer_state.json}. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("matmul_device", matMulDevice);
    map.put("devices", devices.stream().map(d -> Map.of("name", d.name(), "type", d.type(),
        "memory_bytes", d.memoryBytes())).toList());
    map.put("cpu", cpu.model());
    map.put("cpu_instruction_sets", cpu.instructionSets());
    map.put("intra_op_threads", intraOpThreads);
    map.put("inter_op_threads", interOpThreads);
    map.put("gpus", gpus);
    map.put("cuda_build", cudaBuild);
    map.put("no_gpu_reason", noGpuReason);
    return map;
  }

  private static String threads(int n, String what) {
    return n == 0 ? "TensorFlow's default threads " + what : n + (n == 1 ? " thread " : " threads ") + what;
  }

  private static String gib(long bytes) {
    return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
  }
}

package org.bertfit.models.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The device choice against hand-made reports: natives, GPUs seen, and why not. */
class DeviceCheckTest {
  private static final CpuInfo CPU = new CpuInfo("Test CPU", List.of("AVX2"), 4);
  private static final DeviceReport.Listed CPU0 = new DeviceReport.Listed("CPU:0", "CPU", 1L << 28);
  private static final DeviceReport.Listed GPU0 = new DeviceReport.Listed("GPU:0", "GPU", 15L << 30);

  private static DeviceReport report(boolean cuda, String noGpuReason) {
    List<DeviceReport.Listed> devices = noGpuReason == null ? List.of(CPU0, GPU0) : List.of(CPU0);
    List<String> gpus = noGpuReason == null ? List.of("Tesla T4, compute capability 7.5") : List.of();
    return new DeviceReport(cuda, devices, noGpuReason == null ? "GPU:0" : "CPU:0", CPU, 0, 0, gpus, noGpuReason);
  }

  @Test
  void cudaNativesWithoutAGpuWarnOnceThenRunOnTheCpu() {
    List<String> warnings = new ArrayList<>();
    DeviceCheck check = new DeviceCheck(warnings::add);
    DeviceReport noDriver = report(true, "no NVIDIA driver: libcuda.so.1 is not in the loader's path");
    check.check(Device.AUTO, noDriver);
    check.check(Device.AUTO, noDriver);
    check.check(Device.CPU, noDriver);
    assertThat(warnings).containsExactly("these TensorFlow natives are the CUDA build (-Pgpu), but TensorFlow"
        + " sees no GPU: no NVIDIA driver: libcuda.so.1 is not in the loader's path. Running on the CPU;"
        + " --device gpu makes this an error.");
  }

  @Test
  void cpuNativesDoNotWarn() {
    List<String> warnings = new ArrayList<>();
    new DeviceCheck(warnings::add).check(Device.AUTO, report(false, "CPU build"));
    assertThat(warnings).isEmpty();
  }

  @Test
  void aGpuAskedForAndNotSeenIsAnError() {
    DeviceCheck check = new DeviceCheck(w -> {});
    assertThatThrownBy(() -> check.check(Device.gpu(0), report(true, "CUDA/cuDNN libraries not found: libcudnn.so.9")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("device gpu:0 was asked for, but TensorFlow sees no GPU: CUDA/cuDNN libraries not found:"
            + " libcudnn.so.9. Use --device cpu (or Device.CPU) to run on the CPU.");
  }

  @Test
  void aGpuSeenPassesSilentlyAndIsDescribed() {
    List<String> warnings = new ArrayList<>();
    DeviceReport seen = report(true, null);
    new DeviceCheck(warnings::add).check(Device.gpu(), seen);
    assertThat(warnings).isEmpty();
    assertThat(seen.line()).isEqualTo("device: MatMuls on GPU:0; TensorFlow sees CPU:0 Test CPU (AVX2, 4 cores)"
        + " with TensorFlow's default threads per op, TensorFlow's default threads ops at once,"
        + " GPU:0 (Tesla T4, compute capability 7.5, 15.0 GiB for TensorFlow); natives: CUDA build");
  }

  @Test
  void theReasonForNoGpuGoesFromTheNativesToTheLibraries() {
    assertThat(DeviceReport.noGpuReason(false, false, List::of)).contains("CPU build").contains("mvn -Pgpu");
    assertThat(DeviceReport.noGpuReason(true, true, List::of)).isEqualTo("hidden by the session options (device cpu)");
    assertThat(DeviceReport.noGpuReason(true, false, () -> List.of("libcuda.so.1", "libcudnn.so.9")))
        .startsWith("no NVIDIA driver: libcuda.so.1");
    assertThat(DeviceReport.noGpuReason(true, false, () -> List.of("libcudnn.so.9", "libcublas.so.12")))
        .startsWith("CUDA/cuDNN libraries not found: libcudnn.so.9, libcublas.so.12 (TensorFlow 2.18 needs CUDA 12 and cuDNN 9");
    assertThat(DeviceReport.noGpuReason(true, false, List::of)).contains("created no GPU device");
  }
}

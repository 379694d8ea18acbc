package org.bertfit.models.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bertfit.models.graph.BatchTensors;
import org.bertfit.models.graph.InferenceModel;
import org.bertfit.models.device.SessionOptions;
import org.bertfit.models.graph.TinyBert;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.ConfigProto;

/**
 * The device report of the real natives, against facts found without TensorFlow: which natives
 * jar is on the class path (the CPU build, or -Pgpu's CUDA build, whose jar holds its libraries
 * under {@code linux-x86_64-gpu/}), and whether this machine has an NVIDIA driver loaded
 * ({@code /proc/driver/nvidia}). On a machine without a GPU both builds must run on the CPU.
 */
class DeviceReportTest {
  private static final boolean CUDA_JAR =
      DeviceReportTest.class.getResource("/org/tensorflow/internal/c_api/linux-x86_64-gpu/LICENSE") != null;
  private static final boolean NVIDIA_DRIVER = Files.isDirectory(Path.of("/proc/driver/nvidia"));

  @Test
  void deviceCpuHidesTheGpusAndRunsTheMatMulsOnTheCpu() {
    DeviceReport report = new SessionOptions(2, 1, false, false, true, null, false, Device.CPU).deviceReport();
    assertThat(report.cudaBuild()).isEqualTo(CUDA_JAR);
    assertThat(report.devices()).extracting(DeviceReport.Listed::name).containsExactly("CPU:0");
    assertThat(report.matMulDevice()).isEqualTo("CPU:0");
    assertThat(report.noGpuReason()).isEqualTo("hidden by the session options (device cpu)");
    assertThat(report.line())
        .startsWith("device: MatMuls on CPU:0; TensorFlow sees CPU:0 ")
        .contains("with 2 threads per op, 1 thread ops at once")
        .endsWith("natives: " + (CUDA_JAR ? "CUDA" : "CPU") + " build; no GPU: hidden by the session options (device cpu)");
  }

  @Test
  void withoutAGpuTheReportSaysWhy() {
    assumeFalse(NVIDIA_DRIVER, "this machine has an NVIDIA driver");
    DeviceReport report = DeviceReport.probe(ConfigProto.getDefaultInstance());
    assertThat(report.matMulDevice()).isEqualTo("CPU:0");
    assertThat(report.seesGpu()).isFalse();
    assertThat(report.noGpuReason()).startsWith(CUDA_JAR ? "no NVIDIA driver: libcuda.so.1" : "the TensorFlow natives on the class path are the CPU build");
  }

  @Test
  void askingForAGpuThatTensorFlowCannotSeeIsAnErrorThatSaysWhy() {
    assumeFalse(NVIDIA_DRIVER, "this machine has an NVIDIA driver");
    String why = CUDA_JAR ? "no NVIDIA driver: libcuda.so.1 is not in the loader's path" : "CPU build";
    for (Device gpu : List.of(Device.gpu(), Device.gpu(1))) {
      assertThatThrownBy(() -> SessionOptions.defaults().withDevice(gpu).deviceReport())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("device " + gpu + " was asked for, but TensorFlow sees no GPU: ")
          .hasMessageContaining(why);
    }
  }

  /**
   * The tiny BERT's forward pass has 8 MatMuls a layer (query, key, value, attention output, the
   * two feed-forward layers, scores and context), then the pooler's and the classifier's: 18.
   */
  @Test
  void countsTheMatMulsOfAModelByDevice() {
    try (InferenceModel model = InferenceModel.create(TinyBert.config(), SessionOptions.defaults()
            .withDevice(Device.CPU)).initialize(3);
        BatchTensors tensors = new BatchTensors(TinyBert.batch(2, 12, 12, 7))) {
      assertThat(TinyBert.config().numHiddenLayers()).isEqualTo(2);
      assertThat(DevicePlacement.matMuls(
              tensors.feed(model.session().runner(), model.inputs()).fetch(model.outputs().probabilities())))
          .containsExactly(org.assertj.core.api.Assertions.entry("CPU:0", 18));
    }
  }

  /** The -Pgpu build on a machine without a GPU: one warning however many sessions open. */
  @Test
  void theCudaBuildWithoutAGpuWarnsOnce() {
    assumeFalse(NVIDIA_DRIVER, "this machine has an NVIDIA driver");
    List<String> warnings = new ArrayList<>();
    DeviceCheck check = new DeviceCheck(warnings::add);
    for (int i = 0; i < 3; i++) {
      check.check(Device.AUTO, DeviceReport.probe(ConfigProto.getDefaultInstance()));
    }
    if (CUDA_JAR) {
      assertThat(warnings).singleElement().asString()
          .startsWith("these TensorFlow natives are the CUDA build (-Pgpu), but TensorFlow sees no GPU: no NVIDIA driver")
          .endsWith("Running on the CPU; --device gpu makes this an error.");
    } else {
      assertThat(warnings).isEmpty();
    }
  }
}

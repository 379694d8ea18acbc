package org.bertfit.models.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceTest {
  @ParameterizedTest
  @CsvSource({"auto, AUTO, -1, auto", "cpu, CPU, -1, cpu", "CPU, CPU, -1, cpu", "gpu, GPU, -1, gpu",
      "gpu:0, GPU, 0, gpu:0", "GPU:12, GPU, 12, gpu:12"})
  void parses(String text, Device.Kind kind, int index, String printed) {
    Device device = Device.parse(text);
    assertThat(device.kind()).isEqualTo(kind);
    assertThat(device.index()).isEqualTo(index);
    assertThat(device).hasToString(printed);
    assertThat(device.requiresGpu()).isEqualTo(kind == Device.Kind.GPU);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "cuda", "gpu:", "gpu:-1", "gpu:x", "cpu:0", "tpu"})
  void rejectsWithWhatIsAllowed(String text) {
    assertThatThrownBy(() -> Device.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("device must be cpu, gpu or gpu:N (N a GPU index from 0), got '" + text + "'");
  }
}

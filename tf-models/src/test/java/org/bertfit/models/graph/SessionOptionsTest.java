package org.bertfit.models.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.bertfit.datasets.tokenize.EncodedBatch;
import org.bertfit.models.device.Device;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.OptimizerOptions;
import org.tensorflow.proto.RewriterConfig;

class SessionOptionsTest {
  @Test
  void buildsTheConfigProto() {
    ConfigProto proto = new SessionOptions(2, 1, true, true, true, "0", false, Device.AUTO).toConfigProto();
    assertThat(proto.getIntraOpParallelismThreads()).isEqualTo(2);
    assertThat(proto.getInterOpParallelismThreads()).isEqualTo(1);
    assertThat(proto.getGraphOptions().getOptimizerOptions().getGlobalJitLevel())
        .isEqualTo(OptimizerOptions.GlobalJitLevel.ON_1);
    assertThat(proto.getGraphOptions().getRewriteOptions().getAutoMixedPrecisionOnednnBfloat16())
        .isEqualTo(RewriterConfig.Toggle.ON);
    assertThat(proto.getGpuOptions().getAllowGrowth()).isTrue();
    assertThat(proto.getGpuOptions().getVisibleDeviceList()).isEqualTo("0");
    assertThat(proto.getAllowSoftPlacement()).isTrue();
  }

  @Test
  void theDeviceHidesTheGpusOrPicksOne() {
    assertThat(SessionOptions.defaults().withDevice(Device.CPU).configProto().getDeviceCountMap())
        .containsExactly(Map.entry("GPU", 0));
    ConfigProto second = SessionOptions.defaults().withDevice(Device.gpu(1)).configProto();
    assertThat(second.getGpuOptions().getVisibleDeviceList()).isEqualTo("1");
    assertThat(second.getDeviceCountMap()).isEmpty();
    assertThat(SessionOptions.defaults().configProto().getGpuOptions().getVisibleDeviceList()).isEmpty();
    assertThatThrownBy(() -> new SessionOptions(0, 0, false, false, true, "0,1", false, Device.gpu(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("visibleGpus (0,1) and device gpu:1 both choose devices: give one of them");
  }

  /** The options change how TensorFlow runs the graph, not what it computes (within bf16's precision). */
  @Test
  void modelsRunTheSameUnderEachOption() {
    EncodedBatch batch = TinyBert.batch(3, 12, 12, 7);
    float[] reference;
    try (InferenceModel model = InferenceModel.create(TinyBert.config()).initialize(4)) {
      reference = model.run(batch).probabilities();
    }
    for (SessionOptions options : new SessionOptions[] {
        SessionOptions.defaults().withXla(true), SessionOptions.defaults().withBfloat16(true)}) {
      try (InferenceModel model =
          InferenceModel.create(TinyBert.config(), options.toConfigProto()).initialize(4)) {
        assertThat(model.run(batch).probabilities()).containsExactly(reference, within(2e-2f));
      }
    }
  }

  @Test
  void xlaOnCpuNeedsTheFlagInTheEnvironment() {
    assertThat(Sessions.cpuJitEnabled(Map.of())).isFalse();
    assertThat(Sessions.cpuJitEnabled(Map.of("TF_XLA_FLAGS", "--tf_xla_min_cluster_size=2"))).isFalse();
    assertThat(Sessions.cpuJitEnabled(Map.of("TF_XLA_FLAGS", "--tf_xla_min_cluster_size=2 --tf_xla_cpu_global_jit")))
        .isTrue();
  }
}

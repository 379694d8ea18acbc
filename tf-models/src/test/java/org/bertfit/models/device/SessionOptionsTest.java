package org.bertfit.models.device;

import org.bertfit.models.graph.TinyBert;
import org.bertfit.models.graph.BatchTensors;
import org.bertfit.models.graph.InferenceModel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bertfit.datasets.tokenize.EncodedBatch;
import org.bertfit.models.device.Device;
import org.bertfit.models.device.SessionConfigs;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.OptimizerOptions;
import org.tensorflow.Result;
import org.tensorflow.proto.RewriterConfig;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;

class SessionOptionsTest {
  @Test
  void buildsTheConfigProto() {
    ConfigProto proto = SessionConfigs.checked(new SessionOptions(2, 1, true, true, true, "0", false, Device.AUTO));
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
    assertThat(SessionConfigs.of(SessionOptions.defaults().withDevice(Device.CPU)).getDeviceCountMap())
        .containsExactly(Map.entry("GPU", 0));
    ConfigProto second = SessionConfigs.of(SessionOptions.defaults().withDevice(Device.gpu(1)));
    assertThat(second.getGpuOptions().getVisibleDeviceList()).isEqualTo("1");
    assertThat(second.getDeviceCountMap()).isEmpty();
    assertThat(SessionConfigs.of(SessionOptions.defaults()).getGpuOptions().getVisibleDeviceList()).isEmpty();
    assertThatThrownBy(() -> new SessionOptions(0, 0, false, false, true, "0,1", false, Device.gpu(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("visibleGpus (0,1) and device gpu:1 both choose devices: give one of them");
  }

  /**
   * XLA compiles the graph (the partition graphs TensorFlow runs hold XLA's launch ops; Surefire
   * starts the JVM with TF_XLA_FLAGS as ./bertfit does) and computes what the plain session does.
   */
  @Test
  void xlaCompilesTheGraphAndComputesTheSame() {
    assertThat(Sessions.cpuJitEnabled(System.getenv()))
        .as("TF_XLA_FLAGS=%s in the test JVM's environment (set by the Surefire configuration)", Sessions.CPU_JIT_FLAG)
        .isTrue();
    EncodedBatch batch = TinyBert.batch(3, 12, 12, 7);
    float[] reference;
    try (InferenceModel model = InferenceModel.create(TinyBert.config()).initialize(4)) {
      assertThat(opTypesRun(model, batch)).doesNotContain("_XlaRun");
      reference = model.run(batch).probabilities();
    }
    SessionOptions xla = SessionOptions.defaults().withXla(true);
    try (InferenceModel model = InferenceModel.create(TinyBert.config(), xla).initialize(4)) {
      assertThat(opTypesRun(model, batch)).contains("_XlaCompile", "_XlaRun");
      assertThat(model.run(batch).probabilities()).containsExactly(reference, within(1e-5f));
    }
  }

  /** The op types of the partition graphs a run of the model's probabilities executes. */
  private static Set<String> opTypesRun(InferenceModel model, EncodedBatch batch) {
    RunOptions options = RunOptions.newBuilder().setOutputPartitionGraphs(true).build();
    try (BatchTensors tensors = new BatchTensors(batch);
        Result result =
            tensors.feed(model.session().runner(), model.inputs())
                .fetch(model.outputs().probabilities())
                .setOptions(options)
                .runAndFetchMetadata()) {
      Set<String> ops = new TreeSet<>();
      RunMetadata metadata = result.getMetadata().orElseThrow();
      metadata.getPartitionGraphsList().forEach(g -> g.getNodeList().forEach(n -> ops.add(n.getOp())));
      return ops;
    }
  }

  /** bf16 (oneDNN's automatic mixed precision) computes what fp32 does, within bf16's precision. */
  @Test
  void bfloat16ComputesTheSameWithinItsPrecision() {
    EncodedBatch batch = TinyBert.batch(3, 12, 12, 7);
    float[] reference;
    try (InferenceModel model = InferenceModel.create(TinyBert.config()).initialize(4)) {
      reference = model.run(batch).probabilities();
    }
    SessionOptions bf16 = SessionOptions.defaults().withBfloat16(true);
    try (InferenceModel model = InferenceModel.create(TinyBert.config(), bf16).initialize(4)) {
      assertThat(model.run(batch).probabilities()).containsExactly(reference, within(2e-2f));
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

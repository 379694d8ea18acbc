package org.bertfit.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bertfit.datasets.Task;
import org.bertfit.models.BertConfig;
import org.bertfit.models.device.Device;
import org.bertfit.models.device.SessionOptions;
import org.bertfit.training.metrics.Metric;
import org.bertfit.training.optimizers.Optimizer;
import org.bertfit.training.tasks.TaskDefaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each checkpoint's trainer_state.json says where the run executed. */
class TrainingDeviceTest {
  @TempDir Path dir;

  @Test
  void trainerStateRecordsTheDevicesAndTheMatMulPlacement() throws IOException {
    String tokenizer = SyntheticData.tokenizerJson(dir);
    BertConfig config = SyntheticData.config(Task.SINGLE_LABEL, 3);
    var train = SyntheticData.encode(SyntheticData.singleLabel(32, 3, 11), tokenizer, config.labels());
    SessionOptions options = new SessionOptions(1, 2, false, false, true, null, false, Device.CPU);
    try (Model model = Model.create(config, tokenizer, 5, options)) {
      model.compile(Optimizer.adamW(), TaskDefaults.loss(config.problemType()), List.of(Metric.accuracy()));
      model.fit(train, null, FitConfig.builder().batchSize(16).epochs(1).evalStrategy(Strategy.NO)
          .saveStrategy(Strategy.STEPS).saveSteps(2).outputDir(dir.resolve("run")).build());
    }
    JsonNode device = new ObjectMapper()
        .readTree(dir.resolve("run").resolve("checkpoint-2").resolve("trainer_state.json").toFile())
        .get("device");
    assertThat(device.get("matmul_device").asText()).isEqualTo("CPU:0");
    assertThat(device.get("devices")).singleElement()
        .satisfies(d -> assertThat(d.get("name").asText()).isEqualTo("CPU:0"));
    assertThat(device.get("intra_op_threads").asInt()).isEqualTo(1);
    assertThat(device.get("inter_op_threads").asInt()).isEqualTo(2);
    assertThat(device.get("cpu").asText()).isEqualTo(firstModelName());
    assertThat(device.get("no_gpu_reason").asText()).isEqualTo("hidden by the session options (device cpu)");
  }

  /** The first "model name" of /proc/cpuinfo, read here on its own. */
  private static String firstModelName() throws IOException {
    return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
        .filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim())
        .orElse("unknown CPU");
  }
}

package org.bertfit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bertfit.models.testing.TinySavedModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command that runs a model states where it executes before its work, and fails at once,
 * saying why, when a GPU is asked for and TensorFlow sees none. What the line must say is found
 * here without TensorFlow: the natives jar on the class path and the CPU in /proc/cpuinfo.
 */
class DeviceOptionsTest {
  private static final boolean CUDA_JAR =
      DeviceOptionsTest.class.getResource("/org/tensorflow/internal/c_api/linux-x86_64-gpu/LICENSE") != null;
  private static final boolean NVIDIA_DRIVER = Files.isDirectory(Path.of("/proc/driver/nvidia"));

  @TempDir static Path dir;
  static Path model;
  static Path pretrained;
  static Path texts;

  @BeforeAll
  static void fixtures() throws IOException {
    model = TinySavedModels.modelDirectory(dir.resolve("model"),
        TinySavedModels.CONFIG.toBuilder().labels(List.of("bad", "good", "time")).build(), 5);
    pretrained = TinySavedModels.export(dir.resolve("pretrained"), TinySavedModels.CONFIG, 3,
        TinySavedModels.writeVocab(dir.resolve("vocab.txt")), false);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      String label = List.of("bad", "good", "time").get(i % 3);
      lines.add("the " + label + " of it was " + label + ";" + label);
    }
    texts = Files.write(dir.resolve("texts.txt"), lines);
  }

  /** The line a CPU run prints: MatMuls on the CPU, this CPU, these natives. */
  private static String expectedStart() throws IOException {
    String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
        .filter(l -> l.startsWith("model name")).findFirst()
        .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
    return "device: MatMuls on CPU:0; TensorFlow sees CPU:0 " + cpu + " (";
  }

  private static String natives() {
    return "natives: " + (CUDA_JAR ? "CUDA" : "CPU") + " build";
  }

  /** Each command with --device cpu, whether its line goes to stdout or stderr, and what it prints after. */
  static Stream<List<String>> commands() {
    String out = dir.resolve("out").toString();
    return Stream.of(
        List.of("out", "train", "--pretrained", pretrained.toString(), "--train", texts.toString(),
            "--max-steps", "1", "--batch-size", "8", "--max-length", "16", "--out", out + "-train",
            "--run-dir", dir.resolve("run").toString()),
        List.of("err", "predict", "--model", model.toString(), "--input", texts.toString(), "--out", out + ".jsonl"),
        List.of("err", "evaluate", "--model", model.toString(), "--data", texts.toString()),
        List.of("out", "bench", "forward", "--runs", "1"),
        List.of("out", "bench", "train", "--pretrained", dir.resolve("absent").toString()),
        List.of("out", "bench", "predict", "--texts", "0"),
        List.of("out", "bench", "precision", "--pretrained", dir.resolve("absent").toString()));
  }

  @ParameterizedTest
  @MethodSource("commands")
  void eachCommandStartsWithWhereItRuns(List<String> command) throws IOException {
    List<String> args = new ArrayList<>(command.subList(1, command.size()));
    args.addAll(List.of("--device", "cpu"));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    String printed = command.get(0).equals("out") ? run.out() : run.err();
    assertThat(printed).startsWith(expectedStart());
    assertThat(printed.lines().findFirst().orElseThrow())
        .contains(" cores) with TensorFlow's default threads per op, TensorFlow's default threads ops at once; ")
        .endsWith(natives() + "; no GPU: hidden by the session options (device cpu)");
  }

  @ParameterizedTest
  @MethodSource("commands")
  void askingForAGpuThatTensorFlowCannotSeeFailsAtOnceSayingWhy(List<String> command) {
    assumeFalse(NVIDIA_DRIVER, "this machine has an NVIDIA driver");
    List<String> args = new ArrayList<>(command.subList(1, command.size()));
    args.addAll(List.of("--device", "gpu:0"));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertThat(run.exitCode()).isEqualTo(1);
    String name = String.join(" ", command.subList(1, command.get(1).equals("bench") ? 3 : 2));
    assertThat(run.err().strip()).isEqualTo("bertfit " + name + ": error: device gpu:0 was asked for, but"
        + " TensorFlow sees no GPU: " + why() + ". Use --device cpu (or Device.CPU) to run on the CPU.");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void demoFailsBeforeAnyWorkWhenTheGpuIsMissing() {
    assumeFalse(NVIDIA_DRIVER, "this machine has an NVIDIA driver");
    CliRun run = CliRun.of("demo", "--device", "gpu", "--out", dir.resolve("demo").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip()).startsWith("bertfit demo: error: device gpu was asked for, but TensorFlow sees no GPU: " + why());
    assertThat(dir.resolve("demo")).doesNotExist();
  }

  /** What scripts/gpu-check runs: on a machine without a GPU, "no GPU" and exit status 2, not a failure. */
  @Test
  void theGpuCheckSaysNoGpuWithExitStatusTwo() throws IOException {
    assumeFalse(NVIDIA_DRIVER, "this machine has an NVIDIA driver");
    CliRun run = CliRun.of("bench", "gpu");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).startsWith(expectedStart())
        .endsWith(natives() + "; no GPU: " + why() + "\ngpu-check: no GPU: " + why() + "\n");
  }

  @Test
  void aDeviceThatIsNoneIsAUsageError() {
    CliRun run = CliRun.of("predict", "--model", model.toString(), "--input", texts.toString(),
        "--out", dir.resolve("x.jsonl").toString(), "--device", "tpu");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip())
        .isEqualTo("bertfit predict: error: device must be cpu, gpu or gpu:N (N a GPU index from 0), got 'tpu'");
  }

  /** Why no GPU is seen on a machine without a driver, by the natives on the class path. */
  private static String why() {
    return CUDA_JAR
        ? "no NVIDIA driver: libcuda.so.1 is not in the loader's path (no GPU on this machine, or its driver"
            + " is not installed; nvidia-smi shows which)"
        : "the TensorFlow natives on the class path are the CPU build (tensorflow-core-native linux-x86_64):"
            + " build bertfit with mvn -Pgpu for the CUDA build";
  }
}

package org.bertfit.models.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The CPU as Linux describes it in {@code /proc/cpuinfo}: its model and the vector instruction
 * sets TensorFlow's kernels (Eigen, oneDNN) use, named as TensorFlow names them.
 *
 * @param model the model name, or "unknown CPU"
 * @param instructionSets e.g. AVX2, FMA, AVX512F, AVX512_BF16, AMX_BF16, in a fixed order
 * @param cores the processors the JVM may use
 */
public record CpuInfo(String model, List<String> instructionSets, int cores) {
  /** The flags that matter to TensorFlow's speed, in the order they are reported. */
  private static final List<String> RELEVANT =
      List.of("sse4_2", "avx", "avx2", "fma", "avx512f", "avx512_vnni", "avx512_bf16", "avx512_fp16",
          "avx_vnni", "amx_bf16", "amx_int8");

  public CpuInfo {
    instructionSets = List.copyOf(instructionSets);
  }

  /** This machine's CPU ({@code /proc/cpuinfo}; unknown when it cannot be read). */
  public static CpuInfo local() {
    int cores = Runtime.getRuntime().availableProcessors();
    try {
      return parse(Files.readString(Path.of("/proc/cpuinfo")), cores);
    } catch (IOException e) {
      return new CpuInfo("unknown CPU", List.of(), cores);
    }
  }

  /** Reads the first processor's {@code model name} and {@code flags} lines. */
  static CpuInfo parse(String cpuinfo, int cores) {
    String model = "unknown CPU";
    Set<String> flags = Set.of();
    for (String line : cpuinfo.split("\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).trim();
      String value = line.substring(colon + 1).trim();
      if (key.equals("model name") && model.equals("unknown CPU")) {
        model = value;
      } else if (key.equals("flags") && flags.isEmpty()) {
        flags = Arrays.stream(value.split("\\s+")).collect(Collectors.toSet());
      }
    }
    Set<String> present = flags;
    List<String> sets =
        RELEVANT.stream().filter(present::contains).map(f -> f.toUpperCase(Locale.ROOT)).toList();
    return new CpuInfo(model, sets, cores);
  }

  /** E.g. {@code AMD EPYC (AVX2 FMA AVX512F, 2 cores)}. */
  public String summary() {
    String sets = instructionSets.isEmpty() ? "no AVX" : String.join(" ", instructionSets);
    return model + " (" + sets + ", " + cores + (cores == 1 ? " core)" : " cores)");
  }
}

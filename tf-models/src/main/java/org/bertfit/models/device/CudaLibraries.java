package org.bertfit.models.device;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The NVIDIA libraries that TensorFlow 2.18's CUDA build opens at run time, and which of them this
 * machine lacks. TensorFlow opens them by these names with {@code dlopen}, so they must be in
 * the dynamic loader's search path ({@code LD_LIBRARY_PATH} or the {@code ldconfig} cache): the
 * run paths baked into the natives point at Python's {@code site-packages/nvidia/...}, which a JVM
 * does not have.
 */
public final class CudaLibraries {
  /** The driver's library: without it TensorFlow does not look for a GPU at all. */
  public static final String DRIVER = "libcuda.so.1";

  /** CUDA 12 and cuDNN 9 libraries (TensorFlow 2.18 was built with CUDA 12.5 and cuDNN 9.3). */
  public static final List<String> RUNTIME =
      List.of("libcudart.so.12", "libcublas.so.12", "libcublasLt.so.12", "libcufft.so.11",
          "libcusolver.so.11", "libcusparse.so.12", "libcudnn.so.9");

  /** Where CUDA usually lives besides the loader's cache. */
  private static final List<Path> USUAL =
      List.of(Path.of("/usr/local/cuda/lib64"), Path.of("/usr/lib/x86_64-linux-gnu"), Path.of("/usr/lib64"));

  private CudaLibraries() {}

  /** The libraries of {@link #DRIVER} and {@link #RUNTIME} that this machine's loader cannot find. */
  public static List<String> missingHere() {
    return missing(searchPath(System.getenv()), ldconfigNames());
  }

  /** The libraries found neither in {@code dirs} nor among {@code cached} (names in the loader's cache). */
  static List<String> missing(List<Path> dirs, Set<String> cached) {
    List<String> missing = new ArrayList<>();
    List<String> all = new ArrayList<>();
    all.add(DRIVER);
    all.addAll(RUNTIME);
    for (String lib : all) {
      if (!cached.contains(lib) && dirs.stream().noneMatch(d -> Files.exists(d.resolve(lib)))) {
        missing.add(lib);
      }
    }
    return missing;
  }

  /** {@code LD_LIBRARY_PATH}'s directories, then the usual CUDA directories. */
  static List<Path> searchPath(Map<String, String> env) {
    List<Path> dirs = new ArrayList<>();
    String ld = env.getOrDefault("LD_LIBRARY_PATH", "");
    for (String dir : ld.split(":")) {
      if (!dir.isBlank()) {
        dirs.add(Path.of(dir));
      }
    }
    dirs.addAll(USUAL);
    return dirs;
  }

  /** The library names in the loader's cache ({@code ldconfig -p}), empty when it cannot be read. */
  static Set<String> ldconfigNames() {
    for (String ldconfig : new String[] {"/sbin/ldconfig", "/usr/sbin/ldconfig"}) {
      if (Files.isExecutable(Path.of(ldconfig))) {
        return parseLdconfig(Processes.output(ldconfig, "-p"));
      }
    }
    return Set.of();
  }

  /** The names in {@code ldconfig -p}'s lines: {@code \tlibcudnn.so.9 (libc6,x86-64) => /usr/lib/...}. */
  static Set<String> parseLdconfig(String output) {
    Set<String> names = new HashSet<>();
    for (String line : output.split("\n")) {
      String trimmed = line.trim();
      int space = trimmed.indexOf(' ');
      if (trimmed.startsWith("lib") && space > 0) {
        names.add(trimmed.substring(0, space));
      }
    }
    return names;
  }
}

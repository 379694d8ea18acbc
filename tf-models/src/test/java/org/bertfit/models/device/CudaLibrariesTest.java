package org.bertfit.models.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CudaLibrariesTest {
  @Test
  void findsLibrariesInTheSearchPathOrTheLoaderCache(@TempDir Path dir) throws IOException {
    for (String lib : List.of("libcudart.so.12", "libcublas.so.12", "libcublasLt.so.12", "libcufft.so.11")) {
      Files.createFile(dir.resolve(lib));
    }
    Set<String> cached = CudaLibraries.parseLdconfig("""
        1234 libs found in cache `/etc/ld.so.cache'
        \tlibcusolver.so.11 (libc6,x86-64) => /usr/local/cuda/lib64/libcusolver.so.11
        \tlibcuda.so.1 (libc6,x86-64) => /lib/x86_64-linux-gnu/libcuda.so.1
        """);
    assertThat(cached).containsExactlyInAnyOrder("libcusolver.so.11", "libcuda.so.1");
    assertThat(CudaLibraries.missing(List.of(dir), cached)).containsExactly("libcusparse.so.12", "libcudnn.so.9");
    assertThat(CudaLibraries.missing(List.of(), Set.of())).hasSize(8).startsWith("libcuda.so.1");
  }

  @Test
  void searchesLdLibraryPathFirst() {
    assertThat(CudaLibraries.searchPath(Map.of("LD_LIBRARY_PATH", "/opt/cuda/lib64::/opt/cudnn/lib")))
        .startsWith(Path.of("/opt/cuda/lib64"), Path.of("/opt/cudnn/lib"))
        .contains(Path.of("/usr/local/cuda/lib64"));
  }

  @Test
  void readsCpuFlagsAndGpuDescriptions() {
    CpuInfo cpu = CpuInfo.parse("""
        processor\t: 0
        model name\t: Intel(R) Xeon(R) Platinum 8480+
        flags\t\t: fpu sse4_2 avx fma avx2 avx512f avx512_bf16 amx_bf16 amx_tile
        processor\t: 1
        model name\t: ignored
        """, 8);
    assertThat(cpu).isEqualTo(new CpuInfo("Intel(R) Xeon(R) Platinum 8480+",
        List.of("SSE4_2", "AVX", "AVX2", "FMA", "AVX512F", "AVX512_BF16", "AMX_BF16"), 8));
    assertThat(cpu.summary()).isEqualTo("Intel(R) Xeon(R) Platinum 8480+ (SSE4_2 AVX AVX2 FMA AVX512F AVX512_BF16 AMX_BF16, 8 cores)");
    assertThat(NvidiaSmi.parse("NVIDIA A100-SXM4-40GB, 8.0\nTesla T4, 7.5\n"))
        .containsExactly("NVIDIA A100-SXM4-40GB, compute capability 8.0", "Tesla T4, compute capability 7.5");
    assertThat(NvidiaSmi.visible(List.of("A", "B", "C"), "2,0")).containsExactly("C", "A");
    assertThat(NvidiaSmi.visible(List.of("A", "B"), "")).containsExactly("A", "B");
  }
}

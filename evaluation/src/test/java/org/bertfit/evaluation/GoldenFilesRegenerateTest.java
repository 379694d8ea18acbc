package org.bertfit.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed golden files are what scikit-learn computes: where /usr/bin/python3 has
 * scikit-learn (CI installs python3-sklearn), every src/test/python/make_*golden.py is rerun and
 * their output compared with src/test/resources/golden, numbers to 1e-12, everything else exactly.
 * Tagged integration: the scripts run for about a minute of CPU.
 */
@Tag("integration")
class GoldenFilesRegenerateTest {
  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final Path SCRIPTS = Path.of("src/test/python");
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final double TOLERANCE = 1e-12;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void makeGoldenReproducesTheCommittedFiles(@TempDir Path out) throws Exception {
    assumeTrue(Files.isExecutable(PYTHON), "skipped: no /usr/bin/python3");
    assumeTrue(new ProcessBuilder(PYTHON.toString(), "-c", "import sklearn").start().waitFor() == 0,
        "skipped: /usr/bin/python3 has no scikit-learn (Debian: python3-sklearn)");
    List<Path> scripts;
    try (Stream<Path> files = Files.list(SCRIPTS)) {
      scripts = files.filter(f -> f.getFileName().toString().matches("make_.*golden\\.py")).sorted().toList();
    }
    assertThat(scripts).isNotEmpty();
    for (Path script : scripts) {
      Process run = new ProcessBuilder(PYTHON.toString(), script.toString(), out.toString())
          .redirectErrorStream(true)
          .start();
      String printed = new String(run.getInputStream().readAllBytes());
      assertThat(run.waitFor()).as("%s exit status; it printed:%n%s", script, printed).isZero();
    }

    List<Path> committed;
    try (Stream<Path> files = Files.list(GOLDEN)) {
      committed = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(committed).hasSizeGreaterThanOrEqualTo(7);
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
          .isEqualTo(committed.stream().map(f -> f.getFileName().toString()).toList());
    }
    for (Path golden : committed) {
      JsonNode expected = JSON.readTree(golden.toFile());
      JsonNode actual = JSON.readTree(out.resolve(golden.getFileName()).toFile());
      compare(golden.getFileName().toString(), expected, actual);
    }
  }

  /** Fails at the first difference, naming its path in the file. */
  private static void compare(String path, JsonNode expected, JsonNode actual) {
    if (expected.isNumber() && actual.isNumber()) {
      double e = expected.asDouble();
      double a = actual.asDouble();
      assertThat(Math.abs(a - e)).as("%s: regenerated %s, committed %s", path, a, e)
          .isLessThanOrEqualTo(TOLERANCE * Math.max(1, Math.abs(e)));
      return;
    }
    assertThat(actual.getNodeType()).as("%s: kind of value", path).isEqualTo(expected.getNodeType());
    if (expected.isArray()) {
      assertThat(actual.size()).as("%s: length", path).isEqualTo(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        compare(path + "[" + i + "]", expected.get(i), actual.get(i));
      }
    } else if (expected.isObject()) {
      assertThat(actual.fieldNames()).toIterable().as("%s: fields", path)
          .containsExactlyElementsOf(() -> expected.fieldNames());
      for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
        String field = it.next();
        compare(path + "." + field, expected.get(field), actual.get(field));
      }
    } else {
      assertThat(actual).as(path).isEqualTo(expected);
    }
  }
}

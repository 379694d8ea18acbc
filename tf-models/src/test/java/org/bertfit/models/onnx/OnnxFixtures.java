package org.bertfit.models.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** The ONNX graphs the tests read: tiny ones exported by PyTorch, and MiniLM from langchain4j's jar. */
final class OnnxFixtures {
  private OnnxFixtures() {}

  /** A fixture written by {@code make_tiny_bert_onnx.py}: {@code NAME.onnx} and {@code NAME.safetensors}. */
  static Path tiny(String name) {
    try {
      return Path.of(OnnxFixtures.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** all-MiniLM-L6-v2 as exported by PyTorch 2.0.1 (90 MB). */
  static OnnxModel miniLm() {
    try (InputStream in = OnnxFixtures.class.getResourceAsStream("/all-minilm-l6-v2.onnx")) {
      return OnnxModel.parse(in.readAllBytes(), "all-minilm-l6-v2.onnx");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package org.bertfit.models.onnx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.bertfit.models.BertConfig;

/**
 * A Hugging Face directory made from an ONNX BERT graph: {@code config.json} and {@code
 * model.safetensors} written beside the {@value #ONNX_FILE} they come from (kept for {@code
 * --verify}) and its {@code tokenizer.json}.
 */
public final class OnnxHubDirectory {
  /** The name of the source graph in the directory. */
  public static final String ONNX_FILE = "model.onnx";

  private static final Logger LOG = LogManager.getLogger();

  private OnnxHubDirectory() {}

  /**
   * Converts the {@value #ONNX_FILE} in {@code dir}, writing {@code config.json} and {@code
   * model.safetensors} beside it.
   *
   * @throws OnnxException naming the node or initializer when the graph does not fit BERT
   */
  public static OnnxBertConverter.Converted convert(Path dir) {
    OnnxModel model = OnnxModel.read(dir.resolve(ONNX_FILE));
    OnnxBertConverter.Converted converted = OnnxBertConverter.convert(model, BertConfig.builder().build());
    converted.writeTo(dir);
    LOG.info(
        "converted the ONNX graph (opset {}, {}) to a Hugging Face directory: {} weights;"
            + " initializers that are not weights: {}",
        model.opset(), model.producer(), converted.weights().size(), converted.unused());
    return converted;
  }

  /** The ONNX graph a directory was converted from, if it was. */
  public static Optional<Path> onnxFile(Path dir) {
    Path file = dir.resolve(ONNX_FILE);
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }
}

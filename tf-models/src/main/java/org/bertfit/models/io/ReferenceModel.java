package org.bertfit.models.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.bertfit.datasets.tokenize.EncodedBatch;
import org.bertfit.models.onnx.OnnxHubDirectory;

/**
 * A pretrained source run by its own runtime (TensorFlow for a SavedModel, ONNX Runtime for an ONNX
 * graph): the reference that an import is verified against. It executes the source's graph, so use
 * it only on models you trust.
 */
public interface ReferenceModel extends AutoCloseable {
  /** Whether {@code dir} holds a source that {@link #open} runs. */
  static boolean existsIn(Path dir) {
    return OnnxHubDirectory.onnxFile(dir).isPresent() || Files.isRegularFile(dir.resolve("saved_model.pb"));
  }

  /**
   * The source in {@code dir} run by its own runtime: the ONNX graph a directory was converted from
   * in ONNX Runtime, else the SavedModel in TensorFlow.
   */
  static ReferenceModel open(Path dir) {
    Optional<Path> onnx = OnnxHubDirectory.onnxFile(dir);
    return onnx.isPresent() ? OnnxReferenceModel.load(onnx.get()) : ReferenceSavedModel.load(dir);
  }

  /** The fixed sequence length the source takes, or -1 when any length is accepted. */
  int seqLength();

  /** Runs the source on a batch (padded to {@link #seqLength()} when it is fixed). */
  Outputs run(EncodedBatch batch);

  @Override
  void close();

  /**
   * @param pooled {@code [batch, hidden]}, or {@code null} when the source has no pooler
   * @param sequence {@code [batch, seq, hidden]}
   */
  record Outputs(float[] pooled, float[] sequence) {}
}

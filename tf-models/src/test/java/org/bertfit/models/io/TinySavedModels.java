package org.bertfit.models.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bertfit.models.BertConfig;
import org.bertfit.models.graph.InferenceModel;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.op.Ops;

/**
 * Small SavedModels shaped like Google's TF-Hub BERT (signature inputs input_ids, input_mask,
 * segment_ids; outputs pooled_output, sequence_output; assets/vocab.txt), with a tiny random BERT.
 */
public final class TinySavedModels {
  private TinySavedModels() {}

  /**
   * Exports a tiny BERT with random weights ({@code seed}) to {@code dir}.
   *
   * @param vocab a vocab.txt to put in assets/
   * @param withReadFile adds a ReadFile op to the graph (for the inspect flags)
   */
  public static Path export(Path dir, BertConfig config, long seed, Path vocab, boolean withReadFile) {
    try (InferenceModel model = InferenceModel.create(config).initialize(seed)) {
      if (withReadFile) {
        Ops.create(model.parameters().graph()).io.readFile(Ops.create(model.parameters().graph()).constant("/etc/hostname"));
      }
      Signature signature =
          Signature.builder()
              .key(Signature.DEFAULT_KEY)
              .methodName("tensorflow/serving/predict")
              .input("input_ids", model.inputs().inputIds())
              .input("input_mask", model.inputs().attentionMask())
              .input("segment_ids", model.inputs().tokenTypeIds())
              .output("pooled_output", model.outputs().encoder().pooledOutput())
              .output("sequence_output", model.outputs().encoder().sequenceOutput())
              .build();
      SavedModelBundle.exporter(dir.toString())
          .withFunction(SessionFunction.create(signature, model.session()))
          .export();
      Files.createDirectories(dir.resolve("assets"));
      Files.copy(vocab, dir.resolve("assets/vocab.txt"));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

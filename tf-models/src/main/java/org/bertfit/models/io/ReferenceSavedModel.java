package org.bertfit.models.io;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bertfit.datasets.tokenize.EncodedBatch;
import org.bertfit.models.graph.BatchTensors;
import org.bertfit.models.graph.Floats;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat32;

/**
 * A pretrained BERT SavedModel run through its own {@code serving_default} signature: the reference
 * that bertfit's graph is checked and timed against. This executes the SavedModel's graph, so use
 * it only on models you trust.
 */
public final class ReferenceSavedModel implements ReferenceModel {
  private static final List<String> IDS = List.of("input_ids", "input_word_ids");
  private static final List<String> MASK = List.of("input_mask", "attention_mask");
  private static final List<String> SEGMENTS = List.of("segment_ids", "token_type_ids", "input_type_ids");

  private final SavedModelBundle bundle;
  private final SessionFunction function;
  private final String idsName;
  private final String maskName;
  private final String segmentsName;
  private final int seqLength;

  private ReferenceSavedModel(SavedModelBundle bundle) {
    this.bundle = bundle;
    this.function = bundle.function(Signature.DEFAULT_KEY);
    Map<String, Signature.TensorDescription> in = function.signature().getInputs();
    idsName = pick(in, IDS);
    maskName = pick(in, MASK);
    segmentsName = pick(in, SEGMENTS);
    long[] dims = in.get(idsName).shape.asArray();
    seqLength = dims.length == 2 && dims[1] > 0 ? (int) dims[1] : -1;
    for (String out : List.of("pooled_output", "sequence_output")) {
      if (!function.signature().outputNames().contains(out)) {
        throw new IllegalArgumentException(
            "signature " + Signature.DEFAULT_KEY + " has no output " + out + "; outputs: "
                + function.signature().outputNames());
      }
    }
  }

  /** Loads the SavedModel in {@code dir} with tag {@code serve}. */
  public static ReferenceSavedModel load(Path dir) {
    return new ReferenceSavedModel(SavedModelBundle.load(dir.toString(), "serve"));
  }

  private static String pick(Map<String, Signature.TensorDescription> inputs, List<String> names) {
    return names.stream()
        .filter(inputs::containsKey)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "signature " + Signature.DEFAULT_KEY + " has none of the inputs " + names
                        + "; inputs: " + inputs.keySet()));
  }

  @Override
  public int seqLength() {
    return seqLength;
  }

  @Override
  public Outputs run(EncodedBatch batch) {
    try (BatchTensors tensors = new BatchTensors(batch)) {
      Map<String, Tensor> args = new LinkedHashMap<>();
      args.put(idsName, tensors.inputIds());
      args.put(maskName, tensors.attentionMask());
      args.put(segmentsName, tensors.tokenTypeIds());
      try (Result result = function.call(args)) {
        return new Outputs(
            Floats.of((TFloat32) result.get("pooled_output").orElseThrow()),
            Floats.of((TFloat32) result.get("sequence_output").orElseThrow()));
      }
    }
  }

  @Override
  public void close() {
    bundle.close();
  }
}

package org.bertfit.models.export;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A stand-in for TF Serving, run in a fresh JVM: plain {@code SavedModelBundle.load(dir, "serve")}
 * and DJL's tokenizer on the export's {@code assets/tokenizer.json}, nothing of bertfit. Reads
 * requests from a JSON file, calls both signatures, writes the outputs to another JSON file.
 */
public final class PlainServingClient {
  /**
   * @param padding {@code none} (one text), {@code longest}, or {@code max_length}
   */
  record Request(String savedModel, List<String> texts, String padding, int maxLength) {}

  /** Outputs in row-major order, with the shape of {@code probabilities} and of {@code labels}. */
  record Response(
      long[] shape,
      float[] logits,
      float[] probabilities,
      long[] labelsShape,
      int[] labels,
      float[] scores) {}

  private PlainServingClient() {}

  public static void main(String[] args) throws Exception {
    ObjectMapper json = new ObjectMapper();
    Request[] requests = json.readValue(Path.of(args[0]).toFile(), Request[].class);
    List<Response> responses = new ArrayList<>();
    for (Request request : requests) {
      responses.add(serve(request));
    }
    json.writeValue(Path.of(args[1]).toFile(), responses);
  }

  private static Response serve(Request request) throws Exception {
    Path dir = Path.of(request.savedModel());
    Encoding[] encodings;
    try (HuggingFaceTokenizer tokenizer =
        tokenizer(dir.resolve("assets/tokenizer.json"), request)) {
      encodings = tokenizer.batchEncode(request.texts());
    }
    Map<String, Tensor> inputs = new LinkedHashMap<>();
    try (SavedModelBundle bundle = SavedModelBundle.load(dir.toString(), "serve");
        TInt32 ids = tensor(encodings, Encoding::getIds);
        TInt32 mask = tensor(encodings, Encoding::getAttentionMask);
        TInt32 types = tensor(encodings, Encoding::getTypeIds)) {
      inputs.put("input_ids", ids);
      inputs.put("attention_mask", mask);
      inputs.put("token_type_ids", types);
      try (Result predict = bundle.function("serving_default").call(inputs);
          Result classify = bundle.function("classify").call(inputs)) {
        TFloat32 probabilities = (TFloat32) predict.get("probabilities").orElseThrow();
        TInt32 labels = (TInt32) classify.get("labels").orElseThrow();
        return new Response(
            probabilities.shape().asArray(),
            floats((TFloat32) predict.get("logits").orElseThrow()),
            floats(probabilities),
            labels.shape().asArray(),
            ints(labels),
            floats((TFloat32) classify.get("scores").orElseThrow()));
      }
    }
  }

  private static HuggingFaceTokenizer tokenizer(Path json, Request request) throws Exception {
    HuggingFaceTokenizer.Builder builder =
        HuggingFaceTokenizer.builder()
            .optTokenizerPath(json)
            .optAddSpecialTokens(true)
            .optTruncation(true)
            .optMaxLength(request.maxLength());
    switch (request.padding()) {
      case "none" -> builder.optPadding(false);
      case "longest" -> builder.optPadding(true);
      case "max_length" -> builder.optPadToMaxLength();
      default -> throw new IllegalArgumentException("padding " + request.padding());
    }
    return builder.build();
  }

  private static TInt32 tensor(
      Encoding[] encodings, java.util.function.Function<Encoding, long[]> field) {
    int seq = field.apply(encodings[0]).length;
    int[] values = new int[encodings.length * seq];
    for (int row = 0; row < encodings.length; row++) {
      long[] ids = field.apply(encodings[row]);
      if (ids.length != seq) {
        throw new IllegalStateException(
            "row " + row + " has " + ids.length + " tokens, row 0 has " + seq);
      }
      for (int i = 0; i < seq; i++) {
        values[row * seq + i] = Math.toIntExact(ids[i]);
      }
    }
    return TInt32.tensorOf(Shape.of(encodings.length, seq), DataBuffers.of(values, true, false));
  }

  private static float[] floats(TFloat32 tensor) {
    float[] out = new float[Math.toIntExact(tensor.shape().size())];
    tensor.copyTo(DataBuffers.of(out, false, false));
    return out;
  }

  private static int[] ints(TInt32 tensor) {
    int[] out = new int[Math.toIntExact(tensor.shape().size())];
    tensor.copyTo(DataBuffers.of(out, false, false));
    return out;
  }
}

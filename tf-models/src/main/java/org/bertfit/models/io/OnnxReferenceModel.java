package org.bertfit.models.io;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bertfit.datasets.tokenize.EncodedBatch;

/**
 * An ONNX BERT graph run in ONNX Runtime: the reference that an import from ONNX is verified
 * against. Feeds {@code input_ids}, {@code attention_mask} and {@code token_type_ids} (int64, as
 * PyTorch exports them; a graph may omit the last) and reads {@code last_hidden_state}, and {@code
 * pooler_output} when the graph has one.
 */
public final class OnnxReferenceModel implements ReferenceModel {
  private static final String SEQUENCE = "last_hidden_state";
  private static final String POOLED = "pooler_output";

  private final Path file;
  private final OrtSession session;

  private OnnxReferenceModel(Path file, OrtSession session) {
    this.file = file;
    this.session = session;
  }

  /** Opens {@code file} in ONNX Runtime. */
  public static OnnxReferenceModel load(Path file) {
    OrtSession session;
    try {
      session = OrtEnvironment.getEnvironment().createSession(file.toString(), new OrtSession.SessionOptions());
    } catch (OrtException e) {
      throw new IllegalArgumentException("ONNX Runtime cannot load " + file + ": " + e.getMessage(), e);
    }
    OnnxReferenceModel model = new OnnxReferenceModel(file, session);
    try {
      Set<String> inputs = session.getInputNames();
      for (String required : List.of("input_ids", "attention_mask")) {
        if (!inputs.contains(required)) {
          throw new IllegalArgumentException(file + " has no input " + required + "; inputs: " + inputs);
        }
      }
      if (!session.getOutputNames().contains(SEQUENCE)) {
        throw new IllegalArgumentException(
            file + " has no output " + SEQUENCE + "; outputs: " + session.getOutputNames());
      }
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
    return model;
  }

  @Override
  public int seqLength() {
    return -1;
  }

  @Override
  public Outputs run(EncodedBatch batch) {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    long[] shape = {batch.batchSize(), batch.seqLength()};
    Map<String, OnnxTensor> feed = new LinkedHashMap<>();
    try {
      feed.put("input_ids", longs(env, batch.inputIds(), shape));
      feed.put("attention_mask", longs(env, batch.attentionMask(), shape));
      if (session.getInputNames().contains("token_type_ids")) {
        feed.put("token_type_ids", longs(env, batch.tokenTypeIds(), shape));
      }
      try (OrtSession.Result result = session.run(feed)) {
        float[] pooled = result.get(POOLED).map(OnnxReferenceModel::floats).orElse(null);
        return new Outputs(pooled, floats(result.get(SEQUENCE).orElseThrow()));
      }
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime failed to run " + file + ": " + e.getMessage(), e);
    } finally {
      feed.values().forEach(OnnxTensor::close);
    }
  }

  private static OnnxTensor longs(OrtEnvironment env, int[] values, long[] shape) throws OrtException {
    LongBuffer buffer = LongBuffer.allocate(values.length);
    for (int v : values) {
      buffer.put(v);
    }
    return OnnxTensor.createTensor(env, buffer.flip(), shape);
  }

  private static float[] floats(OnnxValue value) {
    var buffer = ((OnnxTensor) value).getFloatBuffer();
    float[] out = new float[buffer.remaining()];
    buffer.get(out);
    return out;
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("cannot close the ONNX Runtime session of " + file, e);
    }
  }
}

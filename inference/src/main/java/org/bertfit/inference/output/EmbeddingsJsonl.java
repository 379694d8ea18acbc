package org.bertfit.inference.output;

import java.io.IOException;
import java.nio.file.Path;
import org.bertfit.inference.Prediction;
import org.bertfit.inference.Predictor;

/**
 * Writes embeddings ({@link Predictor#embed}) one JSON object a line, in input order: {@code
 * {"embedding": [0.12, -0.5, ...]}}; the file appears whole on {@link #commit}, or not at all.
 */
public final class EmbeddingsJsonl extends JsonLines {
  private EmbeddingsJsonl(Path target) {
    super(target);
  }

  /** Starts writing {@code target}. */
  public static EmbeddingsJsonl create(Path target) {
    return new EmbeddingsJsonl(target);
  }

  @Override
  void fields(Prediction p) throws IOException {
    out.writeArrayFieldStart("embedding");
    for (float v : p.probabilities()) {
      out.writeNumber(v);
    }
    out.writeEndArray();
  }
}

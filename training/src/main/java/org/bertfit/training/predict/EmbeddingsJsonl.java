package org.bertfit.training.predict;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes embeddings ({@link Predictor#embed}) one JSON object a line, in input order: {@code
 * {"embedding": [0.12, -0.5, ...]}}; the file appears whole on {@link #commit}, or not at all.
 */
public final class EmbeddingsJsonl implements PredictionWriter {
  private final AtomicFile file;
  private final JsonGenerator out;

  private EmbeddingsJsonl(AtomicFile file) throws IOException {
    this.file = file;
    this.out = new JsonFactory().createGenerator(file.writer());
    out.setRootValueSeparator(null); // each object ends its own line
  }

  /** Starts writing {@code target}. */
  public static EmbeddingsJsonl create(Path target) {
    AtomicFile file = AtomicFile.create(target);
    try {
      return new EmbeddingsJsonl(file);
    } catch (IOException e) {
      file.close();
      throw file.failure(e);
    }
  }

  @Override
  public void write(Prediction p) {
    try {
      out.writeStartObject();
      out.writeArrayFieldStart("embedding");
      for (float v : p.probabilities()) {
        out.writeNumber(v);
      }
      out.writeEndArray();
      out.writeEndObject();
      out.writeRaw('\n');
    } catch (IOException e) {
      throw file.failure(e);
    }
  }

  @Override
  public void commit() {
    try {
      out.flush();
    } catch (IOException e) {
      throw file.failure(e);
    }
    file.commit();
  }

  @Override
  public void close() {
    file.close();
  }
}

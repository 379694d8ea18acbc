package org.bertfit.inference.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import org.bertfit.models.files.AtomicWrite;
import org.bertfit.models.files.AtomicWrite.PendingFile;
import org.bertfit.inference.Prediction;

/**
 * A {@link PredictionWriter} of one JSON object a line, streamed to a {@link PendingFile}: the
 * subclass writes each object's fields.
 */
public abstract class JsonLines implements PredictionWriter {
  private static final JsonFactory JSON = new JsonFactory();

  private final PendingFile file;
  /** The generator the subclass writes fields with. */
  final JsonGenerator out;

  JsonLines(Path target) {
    this.file = AtomicWrite.open(target);
    try {
      this.out = JSON.createGenerator(file.out());
    } catch (IOException e) {
      file.close();
      throw file.failure(e);
    }
    out.setRootValueSeparator(null); // each object ends its own line
  }

  /** Writes the fields of {@code p}'s object. */
  abstract void fields(Prediction p) throws IOException;

  @Override
  public final void write(Prediction p) {
    try {
      out.writeStartObject();
      fields(p);
      out.writeEndObject();
      out.writeRaw('\n');
    } catch (IOException e) {
      throw file.failure(e);
    }
  }

  @Override
  public final void commit() {
    try {
      out.flush();
    } catch (IOException e) {
      throw file.failure(e);
    }
    file.commit();
  }

  @Override
  public final void close() {
    file.close();
  }
}

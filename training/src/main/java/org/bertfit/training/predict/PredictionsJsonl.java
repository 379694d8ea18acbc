package org.bertfit.training.predict;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;

/**
 * Writes predictions one JSON object a line, in order: {@code {"text": ..., "label": ..., "scores":
 * {label: probability}}}, with {@code "labels": [...]} instead of {@code "label"} for a multi-label
 * model and {@code "text_pair"} after the text for pairs. The file appears when {@link #commit} is
 * called, complete, or not at all.
 */
public final class PredictionsJsonl implements AutoCloseable {
  private static final JsonFactory JSON = new JsonFactory();

  private final Path target;
  private final Path temp;
  private final List<String> labels;
  private final boolean multiLabel;
  private final JsonGenerator out;
  private boolean committed;

  private PredictionsJsonl(Path target, List<String> labels, boolean multiLabel)
      throws IOException {
    this.target = target;
    this.labels = List.copyOf(labels);
    this.multiLabel = multiLabel;
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    this.temp = parent.resolve("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
    BufferedWriter writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
    this.out = JSON.createGenerator(writer);
    out.setRootValueSeparator(null); // each object ends its own line
  }

  /**
   * Starts writing {@code target}.
   *
   * @param labels the model's label names in id order
   * @param multiLabel whether to write label sets
   */
  public static PredictionsJsonl create(Path target, List<String> labels, boolean multiLabel) {
    try {
      return new PredictionsJsonl(target, labels, multiLabel);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  public void write(Prediction p) {
    try {
      out.writeStartObject();
      out.writeStringField("text", p.example().text());
      if (p.example().textPair() != null) {
        out.writeStringField("text_pair", p.example().textPair());
      }
      if (multiLabel) {
        out.writeArrayFieldStart("labels");
        for (int id : p.labels()) {
          out.writeString(labels.get(id));
        }
        out.writeEndArray();
      } else {
        out.writeStringField("label", labels.get(p.labels()[0]));
      }
      out.writeObjectFieldStart("scores");
      for (int c = 0; c < labels.size(); c++) {
        out.writeNumberField(labels.get(c), p.probabilities()[c]);
      }
      out.writeEndObject();
      out.writeEndObject();
      out.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /** Finishes the file and moves it into place. */
  public void commit() {
    try {
      out.close();
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      committed = true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /** Drops the file unless committed. */
  @Override
  public void close() {
    if (!committed) {
      try {
        out.close();
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove " + temp + ": " + e.getMessage(), e);
      }
    }
  }
}

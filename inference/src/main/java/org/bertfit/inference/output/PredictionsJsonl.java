package org.bertfit.inference.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.bertfit.evaluation.ner.PredictedEntity;
import org.bertfit.inference.Classifier;
import org.bertfit.inference.Prediction;

/**
 * Writes predictions one JSON object a line, in order: {@code {"text": ..., "label": ..., "scores":
 * {label: probability}}}, with {@code "labels": [...]} instead of {@code "label"} for a multi-label
 * model and {@code "text_pair"} after the text for pairs. A token classifier writes the text and
 * its {@code "entities"}, each as Hugging Face's pipeline does: {@code {"entity_group": "PER",
 * "score": 0.99, "word": "Peter Blackburn", "start": 0, "end": 15}}.
 */
public final class PredictionsJsonl extends JsonLines {
  private final List<String> labels;
  private final boolean multiLabel;
  private final boolean tagging;

  private PredictionsJsonl(Path target, Classifier classifier) {
    super(target);
    this.labels = List.copyOf(classifier.labels());
    this.multiLabel = classifier.decoder().multiLabel();
    this.tagging = classifier.tokenClassification();
  }

  /** Starts writing {@code target} with the predictions of {@code classifier}. */
  public static PredictionsJsonl create(Path target, Classifier classifier) {
    return new PredictionsJsonl(target, classifier);
  }

  @Override
  void fields(Prediction p) throws IOException {
    out.writeStringField("text", p.example().text());
    if (p.example().textPair() != null) {
      out.writeStringField("text_pair", p.example().textPair());
    }
    if (tagging) {
      writeEntities(p);
    } else {
      writeLabels(p);
    }
  }

  private void writeLabels(Prediction p) throws IOException {
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
  }

  private void writeEntities(Prediction p) throws IOException {
    out.writeArrayFieldStart("entities");
    for (PredictedEntity e : p.entities(labels)) {
      out.writeStartObject();
      out.writeStringField("entity_group", e.type());
      out.writeNumberField("score", (float) e.score());
      out.writeStringField("word", e.text());
      out.writeNumberField("start", e.start());
      out.writeNumberField("end", e.end());
      out.writeEndObject();
    }
    out.writeEndArray();
  }
}

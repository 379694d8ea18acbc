package org.bertfit.inference;

import java.util.List;
import org.bertfit.datasets.Task;
import org.bertfit.datasets.tokenize.BertTokenizer;
import org.bertfit.datasets.tokenize.EncodedBatch;
import org.bertfit.evaluation.LabelDecoder;
import org.bertfit.models.checkpoint.ImportReport;
import org.bertfit.models.graph.BatchOutputs;
import org.bertfit.models.graph.InferenceModel;
import org.bertfit.models.export.ModelFiles;
import org.bertfit.models.device.SessionOptions;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;

/**
 * A classifier ready to predict: the inference graph with its weights, the tokenizer, and the rule
 * that turns probabilities into labels (of a text, or of each token for token classification).
 * Closing releases the session and the tokenizer.
 */
public final class Classifier implements AutoCloseable {
  private final InferenceModel model;
  private final BertTokenizer tokenizer;
  private final LabelDecoder decoder;

  /** Takes ownership of {@code model} and {@code tokenizer}. */
  public Classifier(InferenceModel model, BertTokenizer tokenizer, LabelDecoder decoder) {
    if (decoder.numLabels() != model.config().numLabels()) {
      throw new IllegalArgumentException(
          "the decoder has "
              + decoder.numLabels()
              + " labels; the model has "
              + model.config().numLabels());
    }
    this.model = model;
    this.tokenizer = tokenizer;
    this.decoder = decoder;
  }

  /**
   * Builds the graph of {@code files}, loads its weights and tokenizer.
   *
   * @param maxLength tokens a text at most (longer texts are truncated), up to the model's
   *     max_position_embeddings
   */
  public static Classifier open(ModelFiles files, int maxLength) {
    return open(files, maxLength, null);
  }

  /** As {@link #open(ModelFiles, int)}, with session options (device, threads); null for TensorFlow's. */
  public static Classifier open(ModelFiles files, int maxLength, SessionOptions session) {
    files.config().requireMaxLength(maxLength);
    InferenceModel model = InferenceModel.create(files.config(), session);
    try {
      requireAllWeights(files, model.load(files.checkpoint(), 0));
      LabelDecoder decoder =
          files.multiLabel()
              ? LabelDecoder.thresholds(files.thresholds())
              : LabelDecoder.argmax(files.labels().size());
      return new Classifier(
          model, BertTokenizer.fromJson(files.tokenizerJson(), maxLength), decoder);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  private static void requireAllWeights(ModelFiles files, ImportReport report) {
    List<String> missing = report.newlyInitialized();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          files.dir()
              + ": the checkpoint lacks "
              + missing.size()
              + " of the model's variables ("
              + String.join(", ", missing)
              + ")"
              + (report.mismatchedHead().isEmpty()
                  ? ""
                  : "; " + String.join("; ", report.mismatchedHead()))
              + "; predictions would come from random weights");
    }
  }

  /**
   * The probabilities of a batch, row-major {@code [batch, labels]}, or {@code [batch, seqLength,
   * labels]} for token classification.
   */
  public float[] probabilities(EncodedBatch batch) {
    return run(batch, false).get(0);
  }

  /** The text features the head reads, row-major {@code [batch, hidden]}: see {@link InferenceModel#headInput}. */
  public float[] features(EncodedBatch batch) {
    return run(batch, true).get(0);
  }

  /** Runs a batch, fetching its probabilities, or with {@code features} what the head reads. */
  public BatchOutputs run(EncodedBatch batch, boolean features) {
    return model.runner()
        .run(batch, List.of(features ? model.outputs().headInput() : model.outputs().probabilities()));
  }

  public BertTokenizer tokenizer() {
    return tokenizer;
  }

  public LabelDecoder decoder() {
    return decoder;
  }

  /** The label names in id order. */
  public List<String> labels() {
    return model.config().labels();
  }

  /** Whether the model tags words (token classification) rather than classifying texts. */
  public boolean tokenClassification() {
    return model.config().problemType() == Task.TOKEN_CLASSIFICATION;
  }

  @Override
  public void close() {
    try {
      model.close();
    } finally {
      tokenizer.close();
    }
  }
}

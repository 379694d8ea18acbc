package org.bertfit.inference;

import java.util.Iterator;
import org.bertfit.datasets.Example;
import org.bertfit.models.export.ModelFiles;

/**
 * Predicts streams of examples of any size with bounded memory: examples are read and tokenized a
 * window of {@code batchSize * windowBatches} at a time on a second thread, sorted by length within
 * the window into batches (less padding), run through the model, and returned in input order.
 *
 * <pre>{@code
 * try (Classifier classifier = Classifier.open(ModelFiles.open(dir), 128);
 *     ExampleStream examples = DatasetReader.open(path, ReadOptions.builder().unlabelled().build());
 *     PredictionStream predictions = new Predictor(classifier, 32, 64).predict(examples)) {
 *   predictions.forEachRemaining(p -> ...);
 * }
 * }</pre>
 *
 * @param batchSize texts a session run
 * @param windowBatches batches a window: texts are sorted by length within a window; 1 keeps every
 *     batch in input order
 */
public record Predictor(Classifier classifier, int batchSize, int windowBatches) {
  /** Batches a window by default: 2,048 texts at batch size 32. */
  public static final int WINDOW_BATCHES = 64;

  public Predictor {
    if (batchSize < 1 || windowBatches < 1) {
      throw new IllegalArgumentException(
          "batch size ("
              + batchSize
              + ") and batches a window ("
              + windowBatches
              + ") must be at least 1");
    }
  }

  /** Texts a window: the unit in which texts are batched. */
  public int windowSize() {
    return batchSize * windowBatches;
  }

  /** Starts predicting {@code examples}; the stream reads them on its own thread. */
  public PredictionStream predict(Iterator<Example> examples) {
    return new PredictionStream(classifier, examples, batchSize, windowBatches, false);
  }

  /**
   * Starts embedding {@code examples}: each prediction's {@code probabilities} is the text's
   * features as the classifier's head reads them (see {@link ModelFiles#withPooling}), its labels
   * empty.
   */
  public PredictionStream embed(Iterator<Example> examples) {
    return new PredictionStream(classifier, examples, batchSize, windowBatches, true);
  }
}

package org.bertfit.inference;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.bertfit.datasets.Batch;
import org.bertfit.datasets.Example;
import org.bertfit.models.graph.BatchOutputs;

/**
 * Predictions of a stream of examples, in input order. A second thread reads and tokenizes the next
 * windows while this one runs the session on the current window. A token classifier's prediction
 * of a word is that of its first sub-token. Close it to stop that thread (before closing the
 * examples' source).
 */
public final class PredictionStream implements Iterator<Prediction>, AutoCloseable {
  /** Windows tokenized ahead of the session: enough to keep both threads busy. */
  private static final int QUEUED_WINDOWS = 2;

  private final Classifier classifier;
  /** Whether each row is the text's features (the head's input) rather than its probabilities. */
  private final boolean embeddings;
  private final BlockingQueue<Window> queue = new ArrayBlockingQueue<>(QUEUED_WINDOWS);
  private final Thread producer;
  private Window window;
  /** Each example's probabilities: {@code [labels]}, or {@code [tokens, labels]} for tokens. */
  private float[][] probabilities;
  private int position;
  private boolean done;
  private long texts;
  private long truncated;
  private long batches;
  private long tokens;
  private long paddedTokens;
  private long tokenizeNanos;
  private long sessionNanos;

  PredictionStream(
      Classifier classifier, Iterator<Example> examples, int batchSize, int windowBatches,
      boolean embeddings) {
    if (embeddings && classifier.tokenClassification()) {
      throw new IllegalArgumentException("embeddings are of texts; open the model as a text classifier");
    }
    this.classifier = classifier;
    this.embeddings = embeddings;
    this.producer =
        new Thread(
            new WindowProducer(
                examples,
                classifier.tokenizer(),
                classifier.tokenClassification(),
                batchSize,
                windowBatches,
                queue),
            "bertfit-tokenize");
    producer.setDaemon(true);
    producer.start();
  }

  @Override
  public boolean hasNext() {
    while (!done && (window == null || position == window.examples().size())) {
      Window next = take();
      if (!done) {
        predict(next);
      }
    }
    return !done;
  }

  @Override
  public Prediction next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Example example = window.examples().get(position);
    float[] row = probabilities[position];
    Prediction p =
        embeddings
            ? new Prediction(example, row, new int[0])
            : Prediction.of(
                example, row, window.wordIds() == null ? null : window.wordIds()[position],
                classifier.decoder());
    position++;
    texts++;
    return p;
  }

  /** What the run did so far. */
  public PredictStats stats() {
    return new PredictStats(
        texts, truncated, batches, tokens, paddedTokens, tokenizeNanos, sessionNanos);
  }

  private Window take() {
    Window next;
    try {
      next = queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for tokenized texts", e);
    }
    done = next == Window.END || next.failure() != null;
    if (next.failure() instanceof RuntimeException e) {
      throw e;
    }
    if (next.failure() instanceof Error e) {
      throw e;
    }
    return next;
  }

  /** Runs every batch of the window and puts each example's probabilities back at its place. */
  private void predict(Window next) {
    float[][] rows = new float[next.examples().size()][];
    for (Batch batch : next.batches()) {
      long start = System.nanoTime();
      BatchOutputs out = classifier.run(batch.inputs(), embeddings);
      sessionNanos += System.nanoTime() - start;
      int[] indices = batch.indices();
      requireFinite(out.get(0), out.get(0).length / indices.length, indices, next);
      for (int r = 0; r < indices.length; r++) {
        rows[indices[r]] = out.row(0, r);
        tokens += batch.inputs().length(r);
      }
      paddedTokens += (long) batch.inputs().batchSize() * batch.inputs().seqLength();
      batches++;
    }
    tokenizeNanos += next.tokenizeNanos();
    truncated += next.truncated();
    window = next;
    probabilities = rows;
    position = 0;
  }

  /**
   * Refuses NaN or infinite probabilities (weights that blew up): no label can be read from them,
   * and argmax would quietly answer the first label.
   */
  private static void requireFinite(float[] out, int width, int[] indices, Window window) {
    Example first = null;
    float value = 0;
    int bad = 0;
    for (int r = 0; r < indices.length; r++) {
      for (int i = r * width; i < (r + 1) * width; i++) {
        if (!Float.isFinite(out[i])) {
          Example e = window.examples().get(indices[r]);
          if (first == null || e.line() < first.line()) {
            first = e;
            value = out[i];
          }
          bad++;
          break;
        }
      }
    }
    if (first != null) {
      String text = first.text().length() > 40 ? first.text().substring(0, 40) + "..." : first.text();
      throw new IllegalStateException("the model outputs " + value + " for the text of line "
          + first.line() + " ('" + text + "')" + (bad > 1 ? " and " + (bad - 1) + " more" : "")
          + ": its weights are not finite (did its training diverge?); retrain it with a lower"
          + " learning rate");
    }
  }

  /** Stops the tokenizing thread and waits for it. */
  @Override
  public void close() {
    producer.interrupt();
    try {
      producer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

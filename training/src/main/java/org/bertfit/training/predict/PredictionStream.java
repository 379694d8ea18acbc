package org.bertfit.training.predict;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.bertfit.datasets.Batch;
import org.bertfit.datasets.Example;
import org.bertfit.datasets.tokenize.EncodedBatch;

/**
 * Predictions of a stream of examples, in input order. A second thread reads and tokenizes the next
 * windows while this one runs the session on the current window. Close it to stop that thread
 * (before closing the examples' source).
 */
public final class PredictionStream implements Iterator<Prediction>, AutoCloseable {
  /** Windows tokenized ahead of the session: enough to keep both threads busy. */
  private static final int QUEUED_WINDOWS = 2;

  private final Classifier classifier;
  private final BlockingQueue<Window> queue = new ArrayBlockingQueue<>(QUEUED_WINDOWS);
  private final Thread producer;
  private Window window;
  private float[] probabilities;
  private int position;
  private boolean done;
  private long texts;
  private long batches;
  private long tokens;
  private long paddedTokens;
  private long tokenizeNanos;
  private long sessionNanos;

  PredictionStream(
      Classifier classifier, Iterator<Example> examples, int batchSize, int windowBatches) {
    this.classifier = classifier;
    this.producer =
        new Thread(
            new WindowProducer(examples, classifier.tokenizer(), batchSize, windowBatches, queue),
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
    int k = classifier.labels().size();
    int offset = position * k;
    Prediction p =
        new Prediction(
            window.examples().get(position),
            Arrays.copyOfRange(probabilities, offset, offset + k),
            classifier.decoder().decide(probabilities, offset));
    position++;
    texts++;
    return p;
  }

  /** What the run did so far. */
  public PredictStats stats() {
    return new PredictStats(texts, batches, tokens, paddedTokens, tokenizeNanos, sessionNanos);
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

  /** Runs every batch of the window and puts each probability row back at its example's place. */
  private void predict(Window next) {
    int k = classifier.labels().size();
    float[] rows = new float[next.examples().size() * k];
    for (Batch batch : next.batches()) {
      EncodedBatch inputs = batch.inputs();
      long start = System.nanoTime();
      float[] out = classifier.probabilities(inputs);
      sessionNanos += System.nanoTime() - start;
      int[] indices = batch.indices();
      for (int r = 0; r < indices.length; r++) {
        System.arraycopy(out, r * k, rows, indices[r] * k, k);
        tokens += inputs.length(r);
      }
      paddedTokens += (long) inputs.batchSize() * inputs.seqLength();
      batches++;
    }
    tokenizeNanos += next.tokenizeNanos();
    window = next;
    probabilities = rows;
    position = 0;
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

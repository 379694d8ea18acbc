package org.bertfit.inference;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import org.bertfit.datasets.Batch;
import org.bertfit.datasets.BatchOptions;
import org.bertfit.datasets.Dataset;
import org.bertfit.datasets.EncodedDataset;
import org.bertfit.datasets.Example;
import org.bertfit.datasets.Task;
import org.bertfit.datasets.io.SkipReport;
import org.bertfit.datasets.tokenize.BertTokenizer;

/**
 * Runs on the tokenizing thread: reads the examples a window at a time, tokenizes each window
 * (natively, in batch calls; word by word for a token classifier, splitting plain texts into words
 * first), sorts it by token count into batches (less padding), and queues it. The queue is
 * bounded, so reading never runs more than a few windows ahead of the session.
 */
final class WindowProducer implements Runnable {
  private final Iterator<Example> examples;
  private final BertTokenizer tokenizer;
  private final boolean tagging;
  private final BatchOptions batches;
  private final int windowSize;
  private final BlockingQueue<Window> queue;

  WindowProducer(
      Iterator<Example> examples,
      BertTokenizer tokenizer,
      boolean tagging,
      int batchSize,
      int windowBatches,
      BlockingQueue<Window> queue) {
    this.examples = examples;
    this.tokenizer = tokenizer;
    this.tagging = tagging;
    this.batches = BatchOptions.inOrder(batchSize).withBucketWindow(windowBatches);
    this.windowSize = batchSize * windowBatches;
    this.queue = queue;
  }

  @Override
  public void run() {
    try {
      try {
        for (List<Example> chunk = next(); !chunk.isEmpty(); chunk = next()) {
          queue.put(tokenize(chunk));
        }
        queue.put(Window.END);
      } catch (RuntimeException | Error e) {
        queue.put(Window.failed(e));
      }
    } catch (InterruptedException e) {
      // the consumer closed the stream: stop quietly
    }
  }

  private List<Example> next() {
    List<Example> chunk = new ArrayList<>(windowSize);
    while (chunk.size() < windowSize
        && !Thread.currentThread().isInterrupted()
        && examples.hasNext()) {
      chunk.add(examples.next());
    }
    return chunk;
  }

  private Window tokenize(List<Example> chunk) {
    long start = System.nanoTime();
    Dataset window =
        new Dataset(
            "window",
            tagging ? Task.TOKEN_CLASSIFICATION : Task.SINGLE_LABEL,
            false,
            tagging ? chunk.stream().map(this::sentence).toList() : chunk,
            List.of(),
            SkipReport.NONE);
    EncodedDataset encoded = EncodedDataset.encodeTexts(window, tokenizer);
    List<Batch> out = new ArrayList<>();
    encoded.batches(batches, 0).forEach(out::add);
    int[][] wordIds = null;
    if (tagging) {
      wordIds = new int[encoded.size()][];
      for (int i = 0; i < wordIds.length; i++) {
        wordIds[i] = encoded.wordIds(i);
      }
    }
    return new Window(
        window.examples(),
        out,
        wordIds,
        encoded.truncatedCount(),
        System.nanoTime() - start,
        null);
  }

  /** A tagged sentence as read, or a plain text split into words as the tokenizer splits it. */
  private Example sentence(Example e) {
    return e.tagged()
        ? e
        : new Example(e.text(), null, tokenizer.words(e.text()), List.of(), e.line());
  }
}

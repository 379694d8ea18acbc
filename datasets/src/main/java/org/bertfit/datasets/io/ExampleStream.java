package org.bertfit.datasets.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.bertfit.datasets.Example;
import org.bertfit.datasets.Task;
import org.bertfit.datasets.io.internal.BadRows;
import org.bertfit.datasets.io.internal.ExampleSource;

/**
 * The examples of one input, read one at a time (the file is never held in memory). Close it; the
 * {@link #skipped()} report is complete once {@link #hasNext()} returned false.
 */
public final class ExampleStream implements Iterator<Example>, AutoCloseable {
  private final String source;
  private final Task task;
  private final List<String> labelNames;
  private final ExampleSource examples;
  private final BadRows bad;
  private Example next;
  private long count;
  private boolean done;

  ExampleStream(
      String source, Task task, List<String> labelNames, ExampleSource examples, BadRows bad) {
    this.source = source;
    this.task = task;
    this.labelNames = List.copyOf(labelNames);
    this.examples = examples;
    this.bad = bad;
  }

  @Override
  public boolean hasNext() {
    if (next == null && !done) {
      try {
        next = examples.next();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
      }
      if (next == null) {
        done = true;
        if (count == 0 && !bad.any()) {
          bad.reject(SkipReason.EMPTY_FILE, source, 0, "empty file: no examples");
        }
      } else {
        count++;
      }
    }
    return next != null;
  }

  @Override
  public Example next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Example e = next;
    next = null;
    return e;
  }

  /** What the labels mean. */
  public Task task() {
    return task;
  }

  /** The fixed label set in id order (from the options or {@code mapping.txt}), or empty. */
  public List<String> labelNames() {
    return labelNames;
  }

  /** The rows skipped so far. */
  public SkipReport skipped() {
    return bad.report();
  }

  @Override
  public void close() {
    try {
      examples.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

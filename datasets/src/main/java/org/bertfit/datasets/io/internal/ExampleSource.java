package org.bertfit.datasets.io.internal;

import java.io.Closeable;
import java.io.IOException;
import org.bertfit.datasets.Example;

/** Reads the examples of one input in order; bad rows go to the reader's {@link RowChecker}. */
public interface ExampleSource extends Closeable {
  /** The next example, or null at the end. */
  Example next() throws IOException;
}

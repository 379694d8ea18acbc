package org.bertfit.inference.output;

import org.bertfit.inference.Prediction;

/**
 * Writes predictions to a file, in order; the file appears when {@link #commit} is called,
 * complete, or not at all.
 */
public interface PredictionWriter extends AutoCloseable {
  void write(Prediction p);

  /** Finishes the file and moves it into place. */
  void commit();

  /** Drops the file unless committed. */
  @Override
  void close();
}

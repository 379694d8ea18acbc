package org.bertfit.models.graph;

/** How a parameter starts before training or import. */
public enum Initializer {
  /** Truncated normal with standard deviation {@code initializer_range} (BERT's kernels, embeddings). */
  TRUNCATED_NORMAL,
  ZEROS,
  ONES
}

package org.bertfit.datasets;

/** What the labels of a dataset mean, which decides the head, the loss and the batch labels. */
public enum Task {
  /** One class per example: int class ids. */
  SINGLE_LABEL,
  /** A set of classes per example: a 0/1 matrix. */
  MULTI_LABEL,
  /** One tag per word: per-token ids, -100 where the loss ignores a token. */
  TOKEN_CLASSIFICATION
}

package org.bertfit.inference;

import java.util.List;
import org.bertfit.datasets.Batch;
import org.bertfit.datasets.Example;

/**
 * Consecutive examples, tokenized and cut into padded batches of similar lengths: what the
 * tokenizing thread hands to the session thread. The end of the input and a failure while reading
 * are windows too, so that they arrive in order.
 *
 * @param examples the examples in input order; batch indices point into this list
 * @param batches the batches, each of examples of similar token counts
 * @param wordIds for a token classifier, each example's word of every token (-1 for special
 *     tokens); else null
 * @param truncated how many examples were cut to the maximum length
 * @param tokenizeNanos time spent tokenizing and padding this window
 * @param failure what went wrong reading or tokenizing, or null
 */
record Window(
    List<Example> examples,
    List<Batch> batches,
    int[][] wordIds,
    int truncated,
    long tokenizeNanos,
    Throwable failure) {
  static final Window END = new Window(List.of(), List.of(), null, 0, 0, null);

  static Window failed(Throwable failure) {
    return new Window(List.of(), List.of(), null, 0, 0, failure);
  }
}

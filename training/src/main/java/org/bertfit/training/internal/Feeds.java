package org.bertfit.training.internal;

import org.bertfit.datasets.BatchLabels;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Tensors for batch labels. */
final class Feeds {
  private Feeds() {}

  static Tensor labels(BatchLabels labels) {
    Shape shape = Shape.of(labels.shape());
    if (labels instanceof BatchLabels.ClassIds ids) {
      return TInt32.tensorOf(shape, DataBuffers.of(ids.ids(), true, false));
    }
    if (labels instanceof BatchLabels.MultiHot hot) {
      return TFloat32.tensorOf(shape, DataBuffers.of(hot.values(), true, false));
    }
    return TInt32.tensorOf(shape, DataBuffers.of(((BatchLabels.TokenLabels) labels).ids(), true, false));
  }
}

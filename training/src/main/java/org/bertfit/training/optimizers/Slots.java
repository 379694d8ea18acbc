package org.bertfit.training.optimizers;

import org.bertfit.models.graph.Parameter;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** Creates (once) and returns an optimizer's per-parameter state, zero-initialised. */
@FunctionalInterface
public interface Slots {
  /** The slot {@code name} (e.g. {@code m}) of {@code parameter}, shaped like it. */
  Variable<TFloat32> get(Parameter parameter, String name);
}

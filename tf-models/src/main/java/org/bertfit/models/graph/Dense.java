package org.bertfit.models.graph;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** A fully connected layer on 2-D inputs: {@code x · kernel + bias}, variables {@code SCOPE/kernel}, {@code SCOPE/bias}. */
public final class Dense {
  private final Variable<TFloat32> kernel;
  private final Variable<TFloat32> bias;

  public Dense(ParameterStore store, String scope, int inputSize, int outputSize) {
    kernel =
        store.create(scope + "/kernel", new long[] {inputSize, outputSize}, Initializer.TRUNCATED_NORMAL);
    bias = store.create(scope + "/bias", new long[] {outputSize}, Initializer.ZEROS);
  }

  /** Applies the layer to {@code x} of shape {@code [n, inputSize]}. */
  public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x) {
    return tf.nn.biasAdd(tf.linalg.matMul(x, kernel), bias);
  }
}

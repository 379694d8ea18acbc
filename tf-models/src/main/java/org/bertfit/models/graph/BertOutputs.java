package org.bertfit.models.graph;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * What the encoder computes.
 *
 * @param sequenceOutput last hidden states, {@code [batch, seq, hidden]}
 * @param pooledOutput tanh(dense(first token's hidden state)), {@code [batch, hidden]}
 */
public record BertOutputs(Operand<TFloat32> sequenceOutput, Operand<TFloat32> pooledOutput) {}

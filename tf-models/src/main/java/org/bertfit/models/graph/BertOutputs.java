package org.bertfit.models.graph;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * What the encoder computes.
 *
 * @param sequenceOutput last hidden states, {@code [batch, seq, hidden]}
 * @param pooledOutput tanh(dense(first token's hidden state)), {@code [batch, hidden]}; for
 *     encoders without a pooler (RoBERTa, DistilBERT) the first token's hidden state
 */
public record BertOutputs(Operand<TFloat32> sequenceOutput, Operand<TFloat32> pooledOutput) {}

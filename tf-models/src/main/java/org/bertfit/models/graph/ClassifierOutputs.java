package org.bertfit.models.graph;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * What a classifier computes.
 *
 * @param encoder the encoder's outputs
 * @param logits {@code [batch, labels]}, or {@code [batch, seq, labels]} for token classification
 * @param probabilities softmax of the logits (single-label, token) or sigmoid (multi-label)
 */
public record ClassifierOutputs(
    BertOutputs encoder, Operand<TFloat32> logits, Operand<TFloat32> probabilities) {}

package org.bertfit.models.graph;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * What a classifier computes.
 *
 * @param encoder the encoder's outputs
 * @param headInput what the classifier reads: {@code [batch, hidden]} text features (pooler, [CLS]
 *     or token mean, as {@code classifier_pooling} says), or the sequence output for token
 *     classification
 * @param logits {@code [batch, labels]}, or {@code [batch, seq, labels]} for token classification
 * @param probabilities softmax of the logits (single-label, token) or sigmoid (multi-label)
 */
public record ClassifierOutputs(
    BertOutputs encoder, Operand<TFloat32> headInput, Operand<TFloat32> logits, Operand<TFloat32> probabilities) {}

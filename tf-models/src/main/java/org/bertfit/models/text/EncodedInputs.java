package org.bertfit.models.text;

import org.tensorflow.Operand;
import org.tensorflow.types.TInt32;

/**
 * The model inputs the in-graph tokenizer makes, each {@code [batch, longest]} int32.
 *
 * @param inputIds token ids, padded with {@code [PAD]}
 * @param attentionMask 1 for real tokens, 0 for padding
 * @param tokenTypeIds 0 for the first text (with {@code [CLS]} and its {@code [SEP]}), 1 for the
 *     second text of a pair and its {@code [SEP]}
 */
public record EncodedInputs(
    Operand<TInt32> inputIds, Operand<TInt32> attentionMask, Operand<TInt32> tokenTypeIds) {}

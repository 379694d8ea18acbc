package org.bertfit.models.graph;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TInt32;

/**
 * The three int32 inputs of a BERT graph, each of shape {@code [batch, seq]}.
 *
 * @param inputIds token ids
 * @param attentionMask 1 for real tokens, 0 for padding
 * @param tokenTypeIds segment ids (0 or 1)
 */
public record BertInputs(
    Operand<TInt32> inputIds, Operand<TInt32> attentionMask, Operand<TInt32> tokenTypeIds) {

  /** Standard names of the input placeholders (as in Hugging Face and the exported signature). */
  public static final String INPUT_IDS = "input_ids";

  public static final String ATTENTION_MASK = "attention_mask";
  public static final String TOKEN_TYPE_IDS = "token_type_ids";

  /** Placeholders of shape {@code [-1, -1]} named {@code input_ids}, {@code attention_mask}, {@code token_type_ids}. */
  public static BertInputs placeholders(Ops tf) {
    return new BertInputs(
        placeholder(tf, INPUT_IDS), placeholder(tf, ATTENTION_MASK), placeholder(tf, TOKEN_TYPE_IDS));
  }

  private static Operand<TInt32> placeholder(Ops tf, String name) {
    return tf.withName(name)
        .placeholder(TInt32.class, Placeholder.shape(Shape.of(Shape.UNKNOWN_SIZE, Shape.UNKNOWN_SIZE)));
  }
}

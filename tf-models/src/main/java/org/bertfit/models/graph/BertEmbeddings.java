package org.bertfit.models.graph;

import java.util.List;
import org.bertfit.models.BertConfig;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Word + position + token-type embeddings, LayerNorm and dropout ({@code bert/embeddings/...}).
 * DistilBERT has no token types; RoBERTa numbers positions from {@code pad_token_id + 1}, over real
 * tokens only (padding keeps position {@code pad_token_id}).
 */
public final class BertEmbeddings {
  private final BertConfig config;
  private final Variable<TFloat32> wordEmbeddings;
  private final Variable<TFloat32> tokenTypeEmbeddings;
  private final Variable<TFloat32> positionEmbeddings;
  private final LayerNorm layerNorm;

  public BertEmbeddings(ParameterStore store, String scope, BertConfig config) {
    this.config = config;
    int hidden = config.hiddenSize();
    wordEmbeddings =
        store.create(
            scope + "/word_embeddings",
            new long[] {config.vocabSize(), hidden},
            Initializer.TRUNCATED_NORMAL);
    tokenTypeEmbeddings =
        config.modelType().hasTokenTypes()
            ? store.create(
                scope + "/token_type_embeddings",
                new long[] {config.typeVocabSize(), hidden},
                Initializer.TRUNCATED_NORMAL)
            : null;
    positionEmbeddings =
        store.create(
            scope + "/position_embeddings",
            new long[] {config.maxPositionEmbeddings(), hidden},
            Initializer.TRUNCATED_NORMAL);
    layerNorm = new LayerNorm(store, scope + "/LayerNorm", hidden, config.layerNormEps());
  }

  /**
   * Embeds the inputs.
   *
   * @param seqLength the scalar sequence length of the batch
   * @return the embeddings flattened to {@code [batch * seq, hidden]}
   */
  public Operand<TFloat32> apply(Ops tf, BertInputs inputs, Operand<TInt32> seqLength, Mode mode) {
    Operand<TInt32> axis0 = tf.constant(0);
    Operand<TFloat32> words = tf.gather(wordEmbeddings, inputs.inputIds(), axis0);
    Operand<TFloat32> positions =
        config.modelType().positionsAfterPadding()
            ? tf.gather(positionEmbeddings, positionsAfterPadding(tf, inputs.inputIds()), axis0)
            : tf.slice(
                positionEmbeddings,
                tf.constant(new int[] {0, 0}),
                tf.stack(List.of(seqLength, tf.constant(-1))));
    Operand<TFloat32> sum = RawOps.add(tf, words, positions);
    if (tokenTypeEmbeddings != null) {
      sum = RawOps.add(tf, sum, tf.gather(tokenTypeEmbeddings, inputs.tokenTypeIds(), axis0));
    }
    Operand<TFloat32> flat = tf.reshape(sum, tf.constant(new int[] {-1, config.hiddenSize()}));
    return mode.dropout(tf, layerNorm.apply(tf, flat), config.hiddenDropoutProb());
  }

  /** RoBERTa's position ids: {@code cumsum(ids != pad) * (ids != pad) + pad}, as transformers computes them. */
  private Operand<TInt32> positionsAfterPadding(Ops tf, Operand<TInt32> inputIds) {
    Operand<TInt32> pad = tf.constant(config.padTokenId());
    Operand<TInt32> real = tf.dtypes.cast(tf.math.notEqual(inputIds, pad), TInt32.class);
    return tf.math.add(tf.math.mul(tf.math.cumsum(real, tf.constant(1)), real), pad);
  }
}

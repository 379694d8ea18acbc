package org.bertfit.models.graph;

import java.util.List;
import org.bertfit.models.BertConfig;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Word + position + token-type embeddings, LayerNorm and dropout ({@code bert/embeddings/...}). */
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
        store.create(
            scope + "/token_type_embeddings",
            new long[] {config.typeVocabSize(), hidden},
            Initializer.TRUNCATED_NORMAL);
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
    Operand<TFloat32> types = tf.gather(tokenTypeEmbeddings, inputs.tokenTypeIds(), axis0);
    Operand<TFloat32> positions =
        tf.slice(
            positionEmbeddings,
            tf.constant(new int[] {0, 0}),
            tf.stack(List.of(seqLength, tf.constant(-1))));
    Operand<TFloat32> sum = RawOps.add(tf, RawOps.add(tf, words, types), positions);
    Operand<TFloat32> flat = tf.reshape(sum, tf.constant(new int[] {-1, config.hiddenSize()}));
    return mode.dropout(tf, layerNorm.apply(tf, flat), config.hiddenDropoutProb());
  }
}

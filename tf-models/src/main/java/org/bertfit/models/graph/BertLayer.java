package org.bertfit.models.graph;

import java.util.List;
import org.bertfit.models.BertConfig;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * One transformer encoder layer ({@code bert/encoder/layer_N/...}): multi-head self-attention,
 * residual and LayerNorm, then the feed-forward block, residual and LayerNorm (post-norm, as BERT).
 */
public final class BertLayer {
  private final BertConfig config;
  private final Dense query;
  private final Dense key;
  private final Dense value;
  private final Dense attentionOutput;
  private final LayerNorm attentionNorm;
  private final Dense intermediate;
  private final Dense output;
  private final LayerNorm outputNorm;

  public BertLayer(ParameterStore store, String scope, BertConfig config) {
    this.config = config;
    int hidden = config.hiddenSize();
    double eps = config.layerNormEps();
    query = new Dense(store, scope + "/attention/self/query", hidden, hidden);
    key = new Dense(store, scope + "/attention/self/key", hidden, hidden);
    value = new Dense(store, scope + "/attention/self/value", hidden, hidden);
    attentionOutput = new Dense(store, scope + "/attention/output/dense", hidden, hidden);
    attentionNorm = new LayerNorm(store, scope + "/attention/output/LayerNorm", hidden, eps);
    intermediate =
        new Dense(store, scope + "/intermediate/dense", hidden, config.intermediateSize());
    output = new Dense(store, scope + "/output/dense", config.intermediateSize(), hidden);
    outputNorm = new LayerNorm(store, scope + "/output/LayerNorm", hidden, eps);
  }

  /**
   * @param x hidden states {@code [batch * seq, hidden]}
   * @param maskAdder {@code [batch, 1, 1, seq]}: 0 for real tokens, -10000 for padding
   */
  public Operand<TFloat32> apply(
      Ops tf, Operand<TFloat32> x, Operand<TFloat32> maskAdder, Operand<TInt32> seqLength, Mode mode) {
    Operand<TFloat32> context = attention(tf, x, maskAdder, seqLength, mode);
    Operand<TFloat32> attended =
        attentionNorm.apply(
            tf,
            RawOps.add(
                tf,
                mode.dropout(tf, attentionOutput.apply(tf, context), config.hiddenDropoutProb()), x));
    Operand<TFloat32> inner =
        Activations.apply(tf, config.hiddenAct(), intermediate.apply(tf, attended));
    Operand<TFloat32> out = mode.dropout(tf, output.apply(tf, inner), config.hiddenDropoutProb());
    return outputNorm.apply(tf, RawOps.add(tf, out, attended));
  }

  private Operand<TFloat32> attention(
      Ops tf, Operand<TFloat32> x, Operand<TFloat32> maskAdder, Operand<TInt32> seqLength, Mode mode) {
    // Scaling the queries costs batch*seq*hidden multiplications; scaling the scores, seq times more.
    Operand<TFloat32> queries =
        tf.math.mul(query.apply(tf, x), tf.constant((float) (1 / Math.sqrt(config.headSize()))));
    Operand<TFloat32> scores =
        RawOps.add(
            tf,
            RawOps.batchMatMul(tf, heads(tf, queries, seqLength), heads(tf, key.apply(tf, x), seqLength), true),
            maskAdder);
    Operand<TFloat32> probs =
        mode.dropout(tf, tf.nn.softmax(scores), config.attentionProbsDropoutProb());
    Operand<TFloat32> context =
        RawOps.batchMatMul(tf, probs, heads(tf, value.apply(tf, x), seqLength), false);
    return tf.reshape(
        tf.linalg.transpose(context, tf.constant(new int[] {0, 2, 1, 3})),
        tf.constant(new int[] {-1, config.hiddenSize()}));
  }

  /** {@code [batch * seq, hidden]} to {@code [batch, heads, seq, headSize]}. */
  private Operand<TFloat32> heads(Ops tf, Operand<TFloat32> x, Operand<TInt32> seqLength) {
    Operand<TFloat32> split =
        tf.reshape(
            x,
            tf.stack(
                List.of(
                    tf.constant(-1),
                    seqLength,
                    tf.constant(config.numAttentionHeads()),
                    tf.constant(config.headSize()))));
    return tf.linalg.transpose(split, tf.constant(new int[] {0, 2, 1, 3}));
  }
}

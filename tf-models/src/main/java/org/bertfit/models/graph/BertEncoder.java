package org.bertfit.models.graph;

import java.util.ArrayList;
import java.util.List;
import org.bertfit.models.BertConfig;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.index.Indices;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The encoder: embeddings, N transformer layers and (BERT only) the pooler, all under {@code bert/}.
 * RoBERTa's and DistilBERT's layers are BERT's; their own parameter names map onto these by rule.
 */
public final class BertEncoder {
  private static final float MASK_ADDER = -10000f;

  private final BertConfig config;
  private final BertEmbeddings embeddings;
  private final List<BertLayer> layers = new ArrayList<>();
  private final Dense pooler;

  public BertEncoder(ParameterStore store, BertConfig config) {
    this.config = config;
    String scope = ParameterStore.ENCODER_SCOPE;
    embeddings = new BertEmbeddings(store, scope + "/embeddings", config);
    for (int i = 0; i < config.numHiddenLayers(); i++) {
      layers.add(new BertLayer(store, scope + "/encoder/layer_" + i, config));
    }
    pooler =
        config.modelType().hasPooler()
            ? new Dense(store, scope + "/pooler/dense", config.hiddenSize(), config.hiddenSize())
            : null;
  }

  public BertConfig config() {
    return config;
  }

  public BertOutputs apply(Ops tf, BertInputs inputs, Mode mode) {
    Operand<TInt32> seqLength =
        tf.reshape(
            tf.slice(tf.shape(inputs.inputIds()), tf.constant(new int[] {1}), tf.constant(new int[] {1})),
            tf.constant(new int[0]));
    Operand<TFloat32> mask = tf.dtypes.cast(inputs.attentionMask(), TFloat32.class);
    Operand<TFloat32> maskAdder =
        tf.math.mul(
            tf.math.sub(tf.constant(1f), tf.reshape(mask, tf.stack(List.of(
                tf.constant(-1), tf.constant(1), tf.constant(1), seqLength)))),
            tf.constant(MASK_ADDER));
    Operand<TFloat32> hidden = embeddings.apply(tf, inputs, seqLength, mode);
    for (BertLayer layer : layers) {
      hidden = layer.apply(tf, hidden, maskAdder, seqLength, mode);
    }
    Operand<TFloat32> sequence =
        tf.reshape(
            hidden, tf.stack(List.of(tf.constant(-1), seqLength, tf.constant(config.hiddenSize()))));
    Operand<TFloat32> first = tf.stridedSlice(sequence, Indices.all(), Indices.at(0), Indices.all());
    Operand<TFloat32> pooled = pooler == null ? first : tf.math.tanh(pooler.apply(tf, first));
    return new BertOutputs(sequence, pooled);
  }
}

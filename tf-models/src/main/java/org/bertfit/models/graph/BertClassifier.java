package org.bertfit.models.graph;

import java.util.List;
import org.bertfit.datasets.Task;
import org.bertfit.models.BertConfig;
import org.bertfit.models.ModelType;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.index.Indices;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * An encoder with the classification head its {@link Task} calls for, as Hugging Face's
 * {@code *ForSequenceClassification} / {@code *ForTokenClassification}: the model type's {@link
 * SequenceHead} on the pooled output, or, when {@code classifier_pooling} names the {@code [CLS]}
 * state or the token mean, dropout then a dense {@code classifier} (kernel, bias) on that; for
 * tokens, dropout then a dense {@code classifier} on every position.
 */
public final class BertClassifier {
  /** The scope of the classification head's variables. */
  public static final String HEAD_SCOPE = "classifier";

  private final BertConfig config;
  private final BertEncoder encoder;
  private final Dense tokenClassifier;
  private final SequenceHead sequenceHead;

  private BertClassifier(ParameterStore store, BertConfig config) {
    this.config = config;
    this.encoder = new BertEncoder(store, config);
    boolean tokens = config.problemType() == Task.TOKEN_CLASSIFICATION;
    this.tokenClassifier = tokens ? new Dense(store, HEAD_SCOPE, config.hiddenSize(), config.numLabels()) : null;
    this.sequenceHead = tokens ? null : SequenceHead.create(store, config);
  }

  /** Creates the variables of a classifier for {@code config} in {@code store}'s graph. */
  public static BertClassifier create(ParameterStore store, BertConfig config) {
    return new BertClassifier(store, config);
  }

  public BertConfig config() {
    return config;
  }

  public BertEncoder encoder() {
    return encoder;
  }

  /** Builds a forward pass on {@code inputs}. */
  public ClassifierOutputs apply(Ops tf, BertInputs inputs, Mode mode) {
    BertOutputs encoded = encoder.apply(tf, inputs, mode);
    double dropout = config.effectiveClassifierDropout();
    Operand<TFloat32> logits;
    Operand<TFloat32> probabilities;
    Operand<TFloat32> headInput;
    if (config.problemType() == Task.TOKEN_CLASSIFICATION) {
      headInput = encoded.sequenceOutput();
      Operand<TFloat32> flat =
          tf.reshape(encoded.sequenceOutput(), tf.constant(new int[] {-1, config.hiddenSize()}));
      // DistilBertForTokenClassification drops out at the model's dropout, not seq_classif_dropout.
      double tokenDropout = config.modelType() == ModelType.DISTILBERT ? config.hiddenDropoutProb() : dropout;
      Operand<TFloat32> flatLogits = tokenClassifier.apply(tf, mode.dropout(tf, flat, tokenDropout));
      Operand<org.tensorflow.types.TInt32> shape =
          tf.concat(
              List.of(
                  tf.slice(tf.shape(encoded.sequenceOutput()), tf.constant(new int[] {0}), tf.constant(new int[] {2})),
                  tf.constant(new int[] {config.numLabels()})),
              tf.constant(0));
      logits = tf.reshape(flatLogits, shape);
      probabilities = tf.nn.softmax(logits);
    } else {
      headInput = textFeatures(tf, encoded, inputs);
      logits = sequenceHead.apply(tf, headInput, mode, dropout);
      Operand<TFloat32> scaled = calibrated(tf, logits);
      probabilities =
          config.problemType() == Task.MULTI_LABEL
              ? tf.math.sigmoid(scaled)
              : tf.nn.softmax(scaled);
    }
    return new ClassifierOutputs(encoded, headInput, logits, probabilities);
  }

  /** {@code logits} divided by the config's calibration temperature(s), a graph constant; the loss reads the raw logits. */
  private Operand<TFloat32> calibrated(Ops tf, Operand<TFloat32> logits) {
    List<Double> temperatures = config.temperatures();
    if (temperatures.isEmpty()) {
      return logits;
    }
    float[] t = new float[temperatures.size()];
    for (int i = 0; i < t.length; i++) {
      t[i] = temperatures.get(i).floatValue();
    }
    return tf.math.div(logits, t.length == 1 ? tf.constant(t[0]) : tf.constant(t));
  }

  /** What {@code classifier_pooling} names, {@code [batch, hidden]}. */
  private Operand<TFloat32> textFeatures(Ops tf, BertOutputs encoded, BertInputs inputs) {
    Operand<TFloat32> sequence = encoded.sequenceOutput();
    return switch (config.classifierPooling()) {
      case POOLER -> encoded.pooledOutput();
      case CLS -> tf.stridedSlice(sequence, Indices.all(), Indices.at(0), Indices.all());
      case MEAN -> {
        Operand<TFloat32> mask = tf.expandDims(tf.dtypes.cast(inputs.attentionMask(), TFloat32.class), tf.constant(-1));
        Operand<TFloat32> sum = tf.reduceSum(tf.math.mul(sequence, mask), tf.constant(1));
        Operand<TFloat32> count = tf.reduceSum(mask, tf.constant(1));
        yield tf.math.div(sum, tf.math.maximum(count, tf.constant(1f)));
      }
    };
  }
}

package org.bertfit.models.graph;

import java.util.List;
import org.bertfit.models.BertConfig;
import org.bertfit.models.ModelType;
import org.bertfit.models.ProblemType;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * An encoder with the classification head its {@link ProblemType} calls for, as Hugging Face's
 * {@code *ForSequenceClassification} / {@code *ForTokenClassification}: the model type's {@link
 * SequenceHead}, or dropout then a dense {@code classifier} (kernel, bias) on every position.
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
    boolean tokens = config.problemType() == ProblemType.TOKEN_CLASSIFICATION;
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
    if (config.problemType() == ProblemType.TOKEN_CLASSIFICATION) {
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
      logits = sequenceHead.apply(tf, encoded, mode, dropout);
      probabilities =
          config.problemType() == ProblemType.MULTI_LABEL_CLASSIFICATION
              ? tf.math.sigmoid(logits)
              : tf.nn.softmax(logits);
    }
    return new ClassifierOutputs(encoded, logits, probabilities);
  }
}

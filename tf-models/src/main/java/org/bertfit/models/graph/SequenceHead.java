package org.bertfit.models.graph;

import org.bertfit.models.BertConfig;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The layers from the encoder to the logits of sequence classification, as transformers' heads of
 * each model type: BERT's dropout + {@code classifier} on the pooled output; RoBERTa's dropout +
 * {@code classifier/dense} + tanh + dropout + {@code classifier/out_proj} on {@code <s>};
 * DistilBERT's {@code pre_classifier} + ReLU + dropout + {@code classifier} on [CLS].
 */
abstract class SequenceHead {
  /** Creates the head's variables for {@code config}'s model type. */
  static SequenceHead create(ParameterStore store, BertConfig config) {
    int hidden = config.hiddenSize();
    int labels = config.numLabels();
    String scope = BertClassifier.HEAD_SCOPE;
    return switch (config.modelType()) {
      case BERT -> new SequenceHead() {
        private final Dense classifier = new Dense(store, scope, hidden, labels);

        @Override
        Operand<TFloat32> apply(Ops tf, BertOutputs encoded, Mode mode, double dropout) {
          return classifier.apply(tf, mode.dropout(tf, encoded.pooledOutput(), dropout));
        }
      };
      case ROBERTA, XLM_ROBERTA -> new SequenceHead() {
        private final Dense dense = new Dense(store, scope + "/dense", hidden, hidden);
        private final Dense outProj = new Dense(store, scope + "/out_proj", hidden, labels);

        @Override
        Operand<TFloat32> apply(Ops tf, BertOutputs encoded, Mode mode, double dropout) {
          Operand<TFloat32> x = tf.math.tanh(dense.apply(tf, mode.dropout(tf, encoded.pooledOutput(), dropout)));
          return outProj.apply(tf, mode.dropout(tf, x, dropout));
        }
      };
      case DISTILBERT -> new SequenceHead() {
        private final Dense preClassifier = new Dense(store, "pre_classifier", hidden, hidden);
        private final Dense classifier = new Dense(store, scope, hidden, labels);

        @Override
        Operand<TFloat32> apply(Ops tf, BertOutputs encoded, Mode mode, double dropout) {
          Operand<TFloat32> x = tf.nn.relu(preClassifier.apply(tf, encoded.pooledOutput()));
          return classifier.apply(tf, mode.dropout(tf, x, dropout));
        }
      };
    };
  }

  /** The logits {@code [batch, labels]}; {@code dropout} is the classifier's dropout rate. */
  abstract Operand<TFloat32> apply(Ops tf, BertOutputs encoded, Mode mode, double dropout);
}

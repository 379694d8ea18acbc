package org.bertfit.models.export;

import java.util.List;
import org.bertfit.evaluation.Thresholds;
import org.bertfit.models.graph.BertInputs;
import org.bertfit.models.graph.ClassifierOutputs;
import org.bertfit.models.graph.InferenceModel;
import org.tensorflow.Operand;
import org.tensorflow.Signature;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** The signatures of an export, both over the model's own input placeholders. */
final class ServingSignatures {
  private ServingSignatures() {}

  /**
   * {@code serving_default} (logits, probabilities) and {@code classify} (labels, scores), adding
   * the ops that turn probabilities into labels to the model's graph.
   *
   * @param thresholds per-label thresholds for a multi-label model, else {@code null} (argmax)
   */
  static List<Signature> create(InferenceModel model, Thresholds thresholds) {
    ClassifierOutputs outputs = model.outputs();
    Operand<TFloat32> scores = outputs.probabilities();
    return List.of(
        withInputs(model.inputs(), ServingExport.SERVING_DEFAULT)
            .output(ServingExport.LOGITS, outputs.logits())
            .output(ServingExport.PROBABILITIES, scores)
            .build(),
        withInputs(model.inputs(), ServingExport.CLASSIFY)
            .output(ServingExport.LABELS, labels(model, scores, thresholds))
            .output(ServingExport.SCORES, scores)
            .build());
  }

  /**
   * Labels from the scores the signature returns beside them, so that a client can check one
   * against the other: argmax over the last axis, or 0/1 per label where the probability reaches
   * its threshold.
   */
  private static Operand<TInt32> labels(
      InferenceModel model, Operand<TFloat32> scores, Thresholds thresholds) {
    Ops tf = Ops.create(model.parameters().graph()).withSubScope(ServingExport.CLASSIFY);
    if (thresholds == null) {
      return tf.withName(ServingExport.LABELS).math.argMax(scores, tf.constant(-1), TInt32.class);
    }
    Operand<TFloat32> cuts = tf.constant(LabelThresholds.floats(thresholds));
    return tf.withName(ServingExport.LABELS)
        .dtypes
        .cast(tf.math.greaterEqual(scores, cuts), TInt32.class);
  }

  private static Signature.Builder withInputs(BertInputs inputs, String key) {
    return Signature.builder()
        .key(key)
        .methodName(ServingExport.PREDICT_METHOD)
        .input(BertInputs.INPUT_IDS, inputs.inputIds())
        .input(BertInputs.ATTENTION_MASK, inputs.attentionMask())
        .input(BertInputs.TOKEN_TYPE_IDS, inputs.tokenTypeIds());
  }
}

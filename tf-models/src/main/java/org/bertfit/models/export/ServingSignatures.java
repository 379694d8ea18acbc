package org.bertfit.models.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bertfit.evaluation.Thresholds;
import org.bertfit.models.export.ExportOptions.DefaultSignature;
import org.bertfit.models.graph.BertInputs;
import org.bertfit.models.graph.ClassifierOutputs;
import org.bertfit.models.graph.InferenceModel;
import org.tensorflow.Operand;
import org.tensorflow.Signature;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The signatures of an export: {@code serving_default} and {@code classify} over the model's own
 * input placeholders, and {@code text} and {@code text_pair} over the in-graph tokenizer when the
 * model has one.
 */
final class ServingSignatures {
  private ServingSignatures() {}

  /**
   * {@code serving_default} (logits, probabilities), {@code classify} (labels, scores), and {@code
   * text} and {@code text_pair} when given, adding the ops that turn probabilities into labels to the model's graph. With
   * {@link DefaultSignature#TEXT}, {@code serving_default} is the text signature and the ids one is
   * also exported as {@code ids}.
   *
   * @param thresholds per-label thresholds for a multi-label model, else {@code null} (argmax)
   */
  static List<Signature> create(
      InferenceModel model,
      Thresholds thresholds,
      Optional<TextSignature> text,
      DefaultSignature defaultSignature) {
    if (defaultSignature == DefaultSignature.TEXT && text.isEmpty()) {
      throw new IllegalArgumentException(
          "the default signature cannot be text: this model has no text signature (token"
              + " classification, or a tokenizer.json other than BERT's WordPiece)");
    }
    ClassifierOutputs outputs = model.outputs();
    Operand<TFloat32> scores = outputs.probabilities();
    List<Signature> signatures = new ArrayList<>();
    signatures.add(
        withInputs(
                model.inputs(),
                defaultSignature == DefaultSignature.TEXT
                    ? ServingExport.IDS
                    : ServingExport.SERVING_DEFAULT)
            .output(ServingExport.LOGITS, outputs.logits())
            .output(ServingExport.PROBABILITIES, scores)
            .build());
    signatures.add(
        withInputs(model.inputs(), ServingExport.CLASSIFY)
            .output(ServingExport.LABELS, labels(model, scores, thresholds))
            .output(ServingExport.SCORES, scores)
            .build());
    text.ifPresent(t -> signatures.addAll(List.of(t.single(ServingExport.TEXT), t.pairs())));
    if (defaultSignature == DefaultSignature.TEXT) {
      signatures.add(text.get().single(ServingExport.SERVING_DEFAULT));
    }
    return signatures;
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

package org.bertfit.models.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bertfit.datasets.Task;
import org.bertfit.evaluation.Thresholds;
import org.bertfit.models.graph.BertInputs;
import org.bertfit.models.graph.ClassifierOutputs;
import org.bertfit.models.graph.InferenceModel;
import org.bertfit.models.text.EncodedInputs;
import org.bertfit.models.text.GraphTokenizer;
import org.bertfit.models.text.WordPieceSpec;
import org.tensorflow.Operand;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.strings.ReduceJoin;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TString;

/**
 * The {@code text} signature: raw UTF-8 strings in, the model's outputs and predicted labels out,
 * with the tokenizer inside the graph ({@link GraphTokenizer}, core ops only). Built for text
 * classifiers whose {@code tokenizer.json} is BERT's WordPiece pipeline; token classification
 * exports have none (mapping tokens back to words needs offsets the graph does not keep).
 */
final class TextSignature {
  /**
   * The input of both signatures, {@code [-1]} strings, and the signature's name; the signature
   * {@value #TEXT_PAIR} also takes {@code text_pair}, as many second texts of pairs.
   */
  static final String TEXT = "text";

  static final String TEXT_PAIR = "text_pair";

  /** Outputs beside logits and probabilities. */
  static final String LABELS = "labels";

  /** The op an export's main op runs at load: it fills the vocabulary table. */
  static final String TABLES_INITIALIZED = "text/tables_initialized";

  private final Operand<TString> text;
  private final Operand<TString> pair;
  private final Map<String, Operand<?>> outputs;

  private TextSignature(
      Operand<TString> text, Operand<TString> pair, Map<String, Operand<?>> outputs) {
    this.text = text;
    this.pair = pair;
    this.outputs = outputs;
  }

  /**
   * The signature for {@code model}, empty for token classification or a tokenizer other than
   * BERT's WordPiece.
   *
   * @param thresholds a multi-label model's thresholds, else {@code null}
   */
  static Optional<TextSignature> create(
      InferenceModel model, String tokenizerJson, Thresholds thresholds, int maxLength) {
    if (model.config().problemType() == Task.TOKEN_CLASSIFICATION) {
      return Optional.empty();
    }
    Optional<WordPieceSpec> spec = WordPieceSpec.fromTokenizerJson(tokenizerJson);
    if (spec.isEmpty()) {
      return Optional.empty();
    }
    if (model.parameters().graph().operation(TEXT + "/" + TEXT) != null) {
      throw new IllegalStateException(
          "this model's graph has a text signature already: a live model is exported once (or"
              + " export its model directory)");
    }
    Ops tf = Ops.create(model.parameters().graph()).withSubScope(TEXT);
    Operand<TString> text =
        tf.withName(TEXT).placeholder(TString.class, Placeholder.shape(Shape.of(-1)));
    Operand<TString> pair =
        tf.withName(TEXT_PAIR)
            .placeholderWithDefault(
                tf.constant(NdArrays.ofObjects(String.class, Shape.of(0))), Shape.of(-1));
    GraphTokenizer tokenizer = GraphTokenizer.create(tf, spec.get(), maxLength);
    EncodedInputs encoded = tokenizer.encode(tf, text, pair);
    tf.withName("tables_initialized")
        .withControlDependencies(tokenizer.tablesInitializer())
        .constant(true);
    ClassifierOutputs outputs =
        model.apply(
            new BertInputs(encoded.inputIds(), encoded.attentionMask(), encoded.tokenTypeIds()));
    Map<String, Operand<?>> out = new LinkedHashMap<>();
    out.put(ServingExport.PROBABILITIES, outputs.probabilities());
    out.put(ServingExport.LOGITS, outputs.logits());
    out.put(LABELS, labels(tf, model, outputs.probabilities(), thresholds));
    out.put(BertInputs.INPUT_IDS, encoded.inputIds());
    out.put(BertInputs.ATTENTION_MASK, encoded.attentionMask());
    return Optional.of(new TextSignature(text, pair, out));
  }

  /** The single-text signature under {@code key}: input {@code text} only. */
  Signature single(String key) {
    return withOutputs(Signature.builder().key(key).input(TEXT, text));
  }

  /** The signature {@value #TEXT_PAIR}: inputs {@code text} and {@code text_pair}. */
  Signature pairs() {
    return withOutputs(Signature.builder().key(TEXT_PAIR).input(TEXT, text).input(TEXT_PAIR, pair));
  }

  private Signature withOutputs(Signature.Builder signature) {
    signature.methodName(ServingExport.PREDICT_METHOD);
    outputs.forEach(signature::output);
    return signature.build();
  }

  /**
   * The predicted label names: the argmax label, or for a multi-label model the labels whose
   * probability reaches their threshold, joined by commas ({@code ""} for none).
   */
  private static Operand<TString> labels(
      Ops tf, InferenceModel model, Operand<TFloat32> probabilities, Thresholds thresholds) {
    List<String> names = model.config().labels();
    if (thresholds == null) {
      return tf.withName(LABELS)
          .gather(
              strings(tf, names),
              tf.math.argMax(probabilities, tf.constant(-1)),
              tf.constant(0));
    }
    Operand<TString> chosen =
        tf.select(
            tf.math.greaterEqual(probabilities, tf.constant(LabelThresholds.floats(thresholds))),
            strings(tf, names.stream().map(name -> name + ",").toList()),
            tf.constant(""));
    return tf.withName(LABELS)
        .strings
        .staticRegexReplace(
            tf.strings.reduceJoin(chosen, tf.constant(-1), ReduceJoin.separator("")), ",$", "");
  }

  private static Operand<TString> strings(Ops tf, List<String> values) {
    return tf.constant(NdArrays.vectorOfObjects(values.toArray(new String[0])));
  }
}

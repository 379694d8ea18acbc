package org.bertfit.models.export;

import java.nio.file.Path;
import java.util.List;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.ndarray.NdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TString;

/**
 * Runs the tokenizer of an export's {@code text} signature alone: it feeds the signature's {@code
 * text} input and fetches only {@code input_ids} and {@code attention_mask}, so the model's layers
 * are not evaluated. Loads the export as TF Serving does ({@code SavedModelBundle.load}, which runs
 * its main op).
 */
public final class TextTokenizerRunner implements AutoCloseable {
  private final SavedModelBundle bundle;
  private final String text;
  private final String inputIds;
  private final String attentionMask;

  private TextTokenizerRunner(SavedModelBundle bundle) {
    this.bundle = bundle;
    SignatureDef signature = bundle.metaGraphDef().getSignatureDefMap().get(ServingExport.TEXT);
    if (signature == null) {
      throw new IllegalArgumentException("the export has no '" + ServingExport.TEXT + "' signature");
    }
    this.text = signature.getInputsOrThrow(TextSignature.TEXT).getName();
    this.inputIds = signature.getOutputsOrThrow("input_ids").getName();
    this.attentionMask = signature.getOutputsOrThrow("attention_mask").getName();
  }

  /** Loads the export in {@code dir} (a version directory). */
  public static TextTokenizerRunner open(Path dir) {
    return new TextTokenizerRunner(SavedModelBundle.load(dir.toString(), "serve"));
  }

  /** The ids of each text's real tokens (padding dropped), special tokens included. */
  public int[][] encode(List<String> texts) {
    Session session = bundle.session();
    try (TString input = strings(texts);
        Result result =
            session.runner().feed(text, input).fetch(inputIds).fetch(attentionMask).run()) {
      return realTokens((TInt32) result.get(0), (TInt32) result.get(1));
    }
  }

  /** Each row's ids up to its attention mask's first 0: the real tokens, padding dropped. */
  public static int[][] realTokens(TInt32 ids, TInt32 mask) {
    int[][] rows = new int[Math.toIntExact(ids.shape().get(0))][];
    for (int r = 0; r < rows.length; r++) {
      int length = 0;
      while (length < ids.shape().get(1) && mask.getInt(r, length) == 1) {
        length++;
      }
      rows[r] = new int[length];
      for (int c = 0; c < length; c++) {
        rows[r][c] = ids.getInt(r, c);
      }
    }
    return rows;
  }

  /** A {@code [n]} string tensor. */
  public static TString strings(List<String> values) {
    NdArray<String> array = NdArrays.ofObjects(String.class, Shape.of(values.size()));
    for (int i = 0; i < values.size(); i++) {
      array.setObject(values.get(i), i);
    }
    return TString.tensorOf(array);
  }

  @Override
  public void close() {
    bundle.close();
  }
}

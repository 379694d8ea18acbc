package org.bertfit.models.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalDouble;
import org.bertfit.datasets.tokenize.BertTokenizer;
import org.bertfit.datasets.tokenize.EncodedBatch;
import org.bertfit.datasets.tokenize.TokenizedText;
import org.bertfit.models.graph.InferenceModel;

/**
 * Checks an imported model against the source it came from, run by the source's own runtime (a
 * SavedModel's {@code serving_default} signature, an ONNX graph in ONNX Runtime): the same sentences
 * go through bertfit's graph (padded to the longest sentence) and through the source (padded to its
 * fixed length when it has one), and the sequence outputs are compared on real tokens, the pooled
 * outputs when the source has a pooler.
 */
public final class ImportVerifier {
  /** The largest absolute difference accepted. */
  public static final double TOLERANCE = 1e-4;

  private ImportVerifier() {}

  /** Sentences of 3 to over 128 tokens, from public-domain texts and everyday prose. */
  public static List<String> defaultSentences() {
    try (InputStream in = ImportVerifier.class.getResourceAsStream("verify-sentences.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(s -> !s.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs {@code sentences} through both models.
   *
   * @param tokenizer truncates to the reference's sequence length
   */
  public static Result verify(
      InferenceModel ours, ReferenceModel reference, BertTokenizer tokenizer, List<String> sentences) {
    List<TokenizedText> texts = tokenizer.encodeAll(sentences);
    EncodedBatch dynamic = EncodedBatch.padToLongest(texts, tokenizer.padId());
    int fixed = reference.seqLength() > 0 ? reference.seqLength() : dynamic.seqLength();
    EncodedBatch padded = EncodedBatch.pad(texts, fixed, tokenizer.padId());
    InferenceModel.Outputs mine = ours.run(dynamic);
    ReferenceModel.Outputs theirs = reference.run(padded);
    int hidden = ours.config().hiddenSize();
    OptionalDouble pooled =
        theirs.pooled() == null
            ? OptionalDouble.empty()
            : OptionalDouble.of(maxAbsDiff(mine.pooled(), 0, theirs.pooled(), 0, mine.pooled().length));
    double sequence = 0;
    for (int row = 0; row < texts.size(); row++) {
      int tokens = texts.get(row).length();
      sequence =
          Math.max(
              sequence,
              maxAbsDiff(
                  mine.sequence(), row * dynamic.seqLength() * hidden,
                  theirs.sequence(), row * fixed * hidden,
                  tokens * hidden));
    }
    return new Result(sentences.size(), pooled, sequence);
  }

  private static double maxAbsDiff(float[] a, int aFrom, float[] b, int bFrom, int length) {
    double max = 0;
    for (int i = 0; i < length; i++) {
      max = Math.max(max, Math.abs(a[aFrom + i] - b[bFrom + i]));
    }
    return max;
  }

  /**
   * The outcome of a verification.
   *
   * @param pooledMaxAbsDiff empty when the source has no pooler
   */
  public record Result(int sentences, OptionalDouble pooledMaxAbsDiff, double sequenceMaxAbsDiff) {
    public boolean passed() {
      return pooledMaxAbsDiff.orElse(0) <= TOLERANCE && sequenceMaxAbsDiff <= TOLERANCE;
    }

    /** {@code verify: [pooled_output max_abs_diff=<x> ]sequence_output max_abs_diff=<y>}. */
    public String line() {
      String pooled =
          pooledMaxAbsDiff.isPresent()
              ? String.format("pooled_output max_abs_diff=%.3g ", pooledMaxAbsDiff.getAsDouble())
              : "";
      return String.format("verify: %ssequence_output max_abs_diff=%.3g", pooled, sequenceMaxAbsDiff);
    }
  }
}

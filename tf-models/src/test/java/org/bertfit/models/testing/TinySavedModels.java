package org.bertfit.models.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.bertfit.datasets.tokenize.TokenizerJson;
import org.bertfit.models.BertConfig;
import org.bertfit.models.graph.InferenceModel;
import org.bertfit.models.graph.Parameter;
import org.bertfit.models.io.ModelDirectory;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Small SavedModels shaped like Google's TF-Hub BERT (signature inputs input_ids, input_mask,
 * segment_ids; outputs pooled_output, sequence_output; assets/vocab.txt), with a tiny random BERT.
 */
public final class TinySavedModels {
  /**
   * A tiny encoder with head size 64, so that the number of heads can be inferred from the shapes;
   * weights large enough that activations leave GELU's near-linear range.
   */
  public static final BertConfig CONFIG =
      BertConfig.tiny().toBuilder()
          .vocabSize(120)
          .hiddenSize(128)
          .numAttentionHeads(2)
          .intermediateSize(256)
          .maxPositionEmbeddings(64)
          .initializerRange(0.2)
          .build();

  /** The whole words of the tiny vocabulary. */
  private static final String WORDS = "the a of and to in is it was that for on with as i you he she we they this but not be "
      + "at by have from or had his her are an were one all there when which their so what out up about "
      + "who if would my me no time can said like very good bad day";

  private TinySavedModels() {}

  /** {@code n} texts of words of the tiny vocabulary, 1 to 40 words long (mostly under 12), seeded. */
  public static List<String> texts(int n, long seed) {
    String[] words = WORDS.split(" ");
    SplittableRandom random = new SplittableRandom(seed);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      StringBuilder s = new StringBuilder();
      int length = 1 + random.nextInt(random.nextInt(8) == 0 ? 40 : 12);
      for (int w = 0; w < length; w++) {
        s.append(w == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
      }
      out.add(s.toString());
    }
    return out;
  }

  /**
   * Writes a WordPiece vocabulary of {@code CONFIG.vocabSize()} tokens: [PAD] [UNK] [CLS] [SEP]
   * [MASK], punctuation, common lower-case words, then letters and their ## continuations.
   */
  public static Path writeVocab(Path path) {
    List<String> tokens = new ArrayList<>(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", ".", ",", "!", "'", "?"));
    for (String w : WORDS.split(" ")) {
      tokens.add(w);
    }
    for (char c = 'a'; c <= 'z'; c++) {
      if (!tokens.contains(String.valueOf(c))) {
        tokens.add(String.valueOf(c));
      }
      tokens.add("##" + c);
    }
    try {
      return Files.write(path, tokens.subList(0, CONFIG.vocabSize()), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes a bertfit model directory: a tiny BERT with random weights ({@code seed}) and the
   * vocabulary of {@link #writeVocab}.
   */
  public static Path modelDirectory(Path dir, BertConfig config, long seed) {
    try (InferenceModel model = InferenceModel.create(config).initialize(seed)) {
      return write(dir, model);
    }
  }

  /**
   * As {@link #modelDirectory}, but with a NaN classifier bias: a model whose training diverged,
   * whose every probability is NaN.
   */
  public static Path divergedModelDirectory(Path dir, BertConfig config, long seed) {
    try (InferenceModel model = InferenceModel.create(config).initialize(seed)) {
      Parameter bias = model.parameters().get("classifier/bias");
      float[] nan = new float[(int) bias.size()];
      Arrays.fill(nan, Float.NaN);
      model.parameters().assign(model.session(), List.of(bias),
          p -> TFloat32.tensorOf(Shape.of(p.shape()), DataBuffers.of(nan, true, false)));
      return write(dir, model);
    }
  }

  private static Path write(Path dir, InferenceModel model) {
    try {
      Path vocab = writeVocab(Files.createTempFile("tiny-vocab", ".txt"));
      ModelDirectory.write(dir, model, vocab, TokenizerJson.forVocabFile(vocab, true), false);
      Files.delete(vocab);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Exports a tiny BERT with random weights ({@code seed}) to {@code dir}.
   *
   * @param vocab a vocab.txt to put in assets/
   * @param withReadFile adds a ReadFile op to the graph (for the inspect flags)
   */
  public static Path export(Path dir, BertConfig config, long seed, Path vocab, boolean withReadFile) {
    try (InferenceModel model = InferenceModel.create(config).initialize(seed)) {
      if (withReadFile) {
        Ops.create(model.parameters().graph()).io.readFile(Ops.create(model.parameters().graph()).constant("/etc/hostname"));
      }
      Signature signature =
          Signature.builder()
              .key(Signature.DEFAULT_KEY)
              .methodName("tensorflow/serving/predict")
              .input("input_ids", model.inputs().inputIds())
              .input("input_mask", model.inputs().attentionMask())
              .input("segment_ids", model.inputs().tokenTypeIds())
              .output("pooled_output", model.outputs().encoder().pooledOutput())
              .output("sequence_output", model.outputs().encoder().sequenceOutput())
              .build();
      SavedModelBundle.exporter(dir.toString())
          .withFunction(SessionFunction.create(signature, model.session()))
          .export();
      Files.createDirectories(dir.resolve("assets"));
      Files.copy(vocab, dir.resolve("assets/vocab.txt"));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package org.bertfit.models.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bertfit.datasets.Task;
import org.bertfit.datasets.tokenize.TokenizerJson;
import org.bertfit.models.BertConfig;
import org.bertfit.models.graph.InferenceModel;
import org.bertfit.models.io.ModelDirectory;

/** Tiny bertfit model directories (random weights, a 120-token vocabulary) and texts for them. */
public final class TinyModels {
  private TinyModels() {}

  /** The tiny encoder of {@link TinySavedModels#CONFIG} with the given head. */
  public static BertConfig config(Task type, String... labels) {
    return TinySavedModels.CONFIG.toBuilder().problemType(type).labels(List.of(labels)).build();
  }

  /** Writes a model directory for {@code config} with weights seeded by {@code seed}. */
  public static ModelDirectory write(Path dir, BertConfig config, long seed) {
    try {
      Path vocab = TinySavedModels.writeVocab(Files.createTempFile("vocab", ".txt"));
      try (InferenceModel model = InferenceModel.create(config).initialize(seed)) {
        return ModelDirectory.write(
            dir, model, vocab, TokenizerJson.forVocabFile(vocab, true), false);
      } finally {
        Files.delete(vocab);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code n} texts of 1 to about 90 tokens (beyond the 64 positions, so some are truncated): words
   * of the vocabulary and made-up words that split into word pieces, in mixed case.
   */
  public static List<String> texts(int n, long seed) {
    String[] words =
        "The good day was very bad , and I like it ! what about you ? zqx Kelvin brrr".split(" ");
    Random random = new Random(seed);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int length = 1 + (int) Math.round(Math.pow(random.nextDouble(), 2) * 40);
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < length; w++) {
        text.append(w == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
      }
      out.add(text.toString());
    }
    return out;
  }
}

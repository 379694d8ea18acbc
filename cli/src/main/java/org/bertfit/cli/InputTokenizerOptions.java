package org.bertfit.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bertfit.datasets.tokenize.BertTokenizer;
import org.bertfit.datasets.tokenize.TokenizerJson;
import picocli.CommandLine.Option;

/**
 * Which tokenizer turns input text into ids ({@code @Mixin}): a {@code tokenizer.json}, a BERT
 * {@code vocab.txt}, or by default the BERT-base uncased vocabulary shipped with bertfit.
 */
public final class InputTokenizerOptions {
  @Option(names = "--tokenizer", paramLabel = "FILE", description = "A Hugging Face tokenizer.json")
  Path tokenizerJson;

  @Option(
      names = "--vocab",
      paramLabel = "FILE",
      description = "A BERT vocab.txt (WordPiece); default: BERT-base uncased, shipped")
  Path vocab;

  @Option(names = "--cased", description = "With --vocab: keep case and accents (cased models)")
  boolean cased;

  @Option(
      names = "--max-length",
      paramLabel = "N",
      defaultValue = "128",
      description = "Maximum tokens a text, special tokens included (default: ${DEFAULT-VALUE})")
  int maxLength;

  /** The tokenizer.json text of the chosen tokenizer. */
  public String json() {
    if (tokenizerJson != null && vocab != null) {
      throw new IllegalArgumentException("give --tokenizer or --vocab, not both");
    }
    try {
      if (tokenizerJson != null) {
        return Files.readString(tokenizerJson, StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + tokenizerJson + ": " + e.getMessage(), e);
    }
    return vocab != null
        ? TokenizerJson.forVocabFile(vocab, !cased)
        : TokenizerJson.bertBaseUncased();
  }

  public BertTokenizer open() {
    return BertTokenizer.fromJson(json(), maxLength);
  }

  public int maxLength() {
    return maxLength;
  }

  /** Names the tokenizer in reports. */
  public String describe() {
    return tokenizerJson != null
        ? tokenizerJson.toString()
        : vocab != null ? vocab + (cased ? " (cased)" : " (uncased)") : "bert-base-uncased";
  }
}

package org.bertfit.datasets.tokenize;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A BERT tokenizer: Hugging Face's tokenizers (through DJL) with special tokens, truncation to a
 * maximum length and no padding (batches pad themselves, see {@link EncodedBatch}).
 */
public final class BertTokenizer implements AutoCloseable {
  private final HuggingFaceTokenizer tokenizer;
  private final int maxLength;
  private final int padId;
  private final int unknownId;

  private BertTokenizer(HuggingFaceTokenizer tokenizer, int maxLength, int padId, int unknownId) {
    this.tokenizer = tokenizer;
    this.maxLength = maxLength;
    this.padId = padId;
    this.unknownId = unknownId;
  }

  /** Loads a {@code tokenizer.json}. */
  public static BertTokenizer fromTokenizerJson(Path tokenizerJson, int maxLength) {
    try {
      return create(HuggingFaceTokenizer.newInstance(tokenizerJson, options(maxLength)), maxLength);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "cannot load tokenizer " + tokenizerJson + ": " + e.getMessage(), e);
    }
  }

  /** Builds the WordPiece tokenizer of a BERT {@code vocab.txt}. */
  public static BertTokenizer fromVocab(Path vocabTxt, boolean lowercase, int maxLength) {
    return fromJson(TokenizerJson.forVocabFile(vocabTxt, lowercase), maxLength);
  }

  /** The tokenizer of Google's BERT-base uncased vocabulary, shipped with bertfit. */
  public static BertTokenizer bertBaseUncased(int maxLength) {
    return fromJson(TokenizerJson.bertBaseUncased(), maxLength);
  }

  /** Loads the text of a {@code tokenizer.json}. */
  public static BertTokenizer fromJson(String tokenizerJson, int maxLength) {
    byte[] bytes = tokenizerJson.getBytes(StandardCharsets.UTF_8);
    try {
      return create(
          HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(bytes), options(maxLength)),
          maxLength);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BertTokenizer create(HuggingFaceTokenizer tokenizer, int maxLength) {
    // WordPiece vocabularies name them [PAD] and [UNK]; byte-level BPE ones (RoBERTa) <pad> and <unk>.
    int padId = specialId(tokenizer, "[PAD]", specialId(tokenizer, "<pad>", 0));
    int unknownId = specialId(tokenizer, "[UNK]", specialId(tokenizer, "<unk>", -1));
    return new BertTokenizer(tokenizer, maxLength, padId, unknownId);
  }

  /** The id of a special token, or {@code absent} when the vocabulary does not have it. */
  private static int specialId(HuggingFaceTokenizer tokenizer, String token, int absent) {
    long[] ids = tokenizer.encode(token, false, false).getIds();
    return ids.length == 1 ? (int) ids[0] : absent;
  }

  private static Map<String, String> options(int maxLength) {
    if (maxLength < 2) {
      throw new IllegalArgumentException("maxLength must be at least 2, got " + maxLength);
    }
    return Map.of(
        "addSpecialTokens", "true",
        "truncation", "true",
        "padding", "false",
        "maxLength", Integer.toString(maxLength));
  }

  /** Tokenizes one text. */
  public TokenizedText encode(String text) {
    return convert(tokenizer.encode(text));
  }

  /** Tokenizes a text pair ({@code token_type_ids} 0 then 1). */
  public TokenizedText encode(String text, String pair) {
    return convert(tokenizer.encode(text, pair));
  }

  /** Tokenizes texts in one native call (parallel inside the tokenizers library). */
  public List<TokenizedText> encodeAll(List<String> texts) {
    return NativeBatchEncoder.encode(tokenizer, texts, null);
  }

  /** Tokenizes text pairs ({@code texts.get(i)} with {@code pairs.get(i)}) in one native call. */
  public List<TokenizedText> encodeAll(List<String> texts, List<String> pairs) {
    if (texts.size() != pairs.size()) {
      throw new IllegalArgumentException(
          texts.size() + " texts but " + pairs.size() + " second texts of pairs");
    }
    return NativeBatchEncoder.encode(tokenizer, texts, pairs);
  }

  /**
   * Tokenizes a sentence already split into words (token classification), keeping for each token
   * the index of the word it came from.
   */
  public TokenizedWords encodeWords(List<String> words) {
    Encoding e = tokenizer.encode(words.toArray(new String[0]), true, false);
    return new TokenizedWords(convert(e), NativeBatchEncoder.toInts(e.getWordIds()));
  }

  /**
   * Splits a text into words as the tokenizer's pre-tokenizer does (BERT: at whitespace and around
   * punctuation), each word a substring of {@code text}: the words of plain text for token
   * classification.
   */
  public List<String> words(String text) {
    Encoding first = tokenizer.encode(text, false, true);
    List<Encoding> parts = new ArrayList<>(List.of(first)); // truncation cuts; overflow keeps the rest
    parts.addAll(List.of(first.getOverflowing()));
    List<String> words = new ArrayList<>();
    long word = -1;
    int start = 0;
    int end = 0;
    for (Encoding part : parts) {
      long[] wordIds = part.getWordIds();
      CharSpan[] spans = part.getCharTokenSpans();
      for (int t = 0; t < wordIds.length; t++) {
        if (wordIds[t] != word) {
          if (word >= 0) {
            words.add(text.substring(start, end));
          }
          word = wordIds[t];
          start = spans[t].getStart();
        }
        end = spans[t].getEnd();
      }
    }
    if (word >= 0) {
      words.add(text.substring(start, end));
    }
    return words;
  }

  /** Tokenizes and pads {@code texts} to {@code seqLength}. */
  public EncodedBatch encodeBatch(List<String> texts, int seqLength) {
    return EncodedBatch.pad(encodeAll(texts), seqLength, padId);
  }

  /** The sub-word tokens of {@code text}, without special tokens (for inspection). */
  public List<String> tokens(String text) {
    return List.of(tokenizer.encode(text, false, false).getTokens());
  }

  public int maxLength() {
    return maxLength;
  }

  public int padId() {
    return padId;
  }

  /** The id of {@code [UNK]}, the token of words the vocabulary cannot spell; -1 without one. */
  public int unknownId() {
    return unknownId;
  }

  private static TokenizedText convert(Encoding e) {
    return new TokenizedText(
        NativeBatchEncoder.toInts(e.getIds()),
        NativeBatchEncoder.toInts(e.getTypeIds()),
        e.exceedMaxLength());
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}

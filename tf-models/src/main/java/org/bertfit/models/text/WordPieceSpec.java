package org.bertfit.models.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What the in-graph tokenizer needs from a Hugging Face {@code tokenizer.json} of a BERT WordPiece
 * model: the vocabulary (index = id), the {@code BertNormalizer} switches and the WordPiece model's
 * settings.
 *
 * @param vocab the tokens, index = id ({@code null} where tokenizer.json skips an id)
 * @param cleanText remove control characters and turn every whitespace into a space
 * @param handleChineseChars put spaces around CJK ideographs
 * @param stripAccents NFD, then drop non-spacing marks
 * @param lowercase lower-case every character
 * @param unkToken the token of words the vocabulary cannot spell
 * @param prefix the prefix of continuation pieces ({@code ##})
 * @param maxInputCharsPerWord longer words become {@code unkToken}
 */
public record WordPieceSpec(
    List<String> vocab,
    boolean cleanText,
    boolean handleChineseChars,
    boolean stripAccents,
    boolean lowercase,
    String unkToken,
    String prefix,
    int maxInputCharsPerWord) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public WordPieceSpec {
    vocab = Collections.unmodifiableList(new ArrayList<>(vocab));
    for (String token : List.of(unkToken, "[CLS]", "[SEP]", "[PAD]")) {
      if (!vocab.contains(token)) {
        throw new IllegalArgumentException("the vocabulary has no " + token + " token");
      }
    }
  }

  /**
   * Reads a {@code tokenizer.json}; empty when it is not BERT's pipeline (a {@code BertNormalizer},
   * the {@code BertPreTokenizer} and a {@code WordPiece} model), which the graph reproduces.
   *
   * @throws IllegalArgumentException when the text is not JSON
   */
  public static Optional<WordPieceSpec> fromTokenizerJson(String tokenizerJson) {
    JsonNode root;
    try {
      root = JSON.readTree(tokenizerJson);
    } catch (IOException e) {
      throw new IllegalArgumentException("tokenizer.json is not valid JSON: " + e.getMessage(), e);
    }
    JsonNode normalizer = root.path("normalizer");
    JsonNode model = root.path("model");
    if (!"BertNormalizer".equals(normalizer.path("type").asText())
        || !"BertPreTokenizer".equals(root.path("pre_tokenizer").path("type").asText())
        || !"WordPiece".equals(model.path("type").asText())) {
      return Optional.empty();
    }
    boolean lowercase = normalizer.path("lowercase").asBoolean(true);
    JsonNode strip = normalizer.path("strip_accents");
    List<String> vocab = new ArrayList<>();
    model.path("vocab").fields().forEachRemaining(e -> put(vocab, e.getValue().asInt(), e.getKey()));
    return Optional.of(
        new WordPieceSpec(
            vocab,
            normalizer.path("clean_text").asBoolean(true),
            normalizer.path("handle_chinese_chars").asBoolean(true),
            strip.isBoolean() ? strip.asBoolean() : lowercase,
            lowercase,
            model.path("unk_token").asText("[UNK]"),
            model.path("continuing_subword_prefix").asText("##"),
            model.path("max_input_chars_per_word").asInt(100)));
  }

  private static void put(List<String> vocab, int id, String token) {
    while (vocab.size() <= id) {
      vocab.add(null);
    }
    if (vocab.get(id) != null) {
      throw new IllegalArgumentException(
          "tokenizer.json: id " + id + " is both '" + vocab.get(id) + "' and '" + token + "'");
    }
    vocab.set(id, token);
  }

  /** The id of {@code token}. */
  public int id(String token) {
    return vocab.indexOf(token);
  }

  /**
   * The longest word piece in characters, without the continuation prefix: no longer substring of
   * a word can match.
   */
  public int longestPiece() {
    int longest = 1;
    for (String token : vocab) {
      if (token != null) {
        String piece = token.startsWith(prefix) ? token.substring(prefix.length()) : token;
        longest = Math.max(longest, piece.codePointCount(0, piece.length()));
      }
    }
    return longest;
  }
}

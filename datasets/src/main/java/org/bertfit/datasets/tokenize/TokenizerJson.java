package org.bertfit.datasets.tokenize;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds a Hugging Face {@code tokenizer.json} for a BERT WordPiece vocabulary ({@code vocab.txt},
 * one token a line, line number = id), as Hugging Face's {@code BertTokenizerFast} would: BERT
 * normaliser (optionally lower-casing and stripping accents), BERT pre-tokeniser, WordPiece with
 * {@code ##} continuation, and the {@code [CLS] A [SEP] B [SEP]} template.
 */
public final class TokenizerJson {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> SPECIAL_TOKENS =
      List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]");

  private static final String UNCASED_VOCAB = "bert-base-uncased-vocab.txt";

  private TokenizerJson() {}

  /**
   * Whether the normaliser of a {@code tokenizer.json} lower-cases: a {@code Lowercase} normaliser,
   * a {@code BertNormalizer} with {@code lowercase} true (its default), or a {@code Sequence} holding
   * one.
   *
   * @throws IllegalArgumentException when the text is not JSON
   */
  public static boolean lowercases(String tokenizerJson) {
    try {
      return lowercases(JSON.readTree(tokenizerJson).path("normalizer"));
    } catch (IOException e) {
      throw new IllegalArgumentException("tokenizer.json is not valid JSON: " + e.getMessage(), e);
    }
  }

  private static boolean lowercases(com.fasterxml.jackson.databind.JsonNode normalizer) {
    return switch (normalizer.path("type").asText()) {
      case "Lowercase" -> true;
      case "BertNormalizer" -> normalizer.path("lowercase").asBoolean(true);
      case "Sequence" -> {
        boolean any = false;
        for (com.fasterxml.jackson.databind.JsonNode n : normalizer.path("normalizers")) {
          any |= lowercases(n);
        }
        yield any;
      }
      default -> false;
    };
  }

  /** The tokenizer.json of Google's BERT-base uncased vocabulary, shipped with bertfit. */
  public static String bertBaseUncased() {
    InputStream in = TokenizerJson.class.getResourceAsStream(UNCASED_VOCAB);
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return forVocab(reader.lines().collect(Collectors.toList()), true, UNCASED_VOCAB);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads {@code vocab.txt} and returns the tokenizer.json text. */
  public static String forVocabFile(Path vocabTxt, boolean lowercase) {
    try {
      List<String> vocab = Files.readAllLines(vocabTxt, StandardCharsets.UTF_8);
      if (!vocab.isEmpty() && vocab.get(vocab.size() - 1).isEmpty()) {
        vocab = vocab.subList(0, vocab.size() - 1);
      }
      return forVocab(vocab, lowercase, vocabTxt.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read vocabulary " + vocabTxt + ": " + e.getMessage(), e);
    }
  }

  /**
   * Returns the tokenizer.json text for {@code vocab} (index = token id).
   *
   * @param source names the vocabulary in error messages
   */
  public static String forVocab(List<String> vocab, boolean lowercase, String source) {
    ObjectNode vocabNode = JSON.createObjectNode();
    Set<String> seen = new HashSet<>();
    for (int id = 0; id < vocab.size(); id++) {
      String token = vocab.get(id);
      if (!seen.add(token)) {
        throw new IllegalArgumentException(
            source + " line " + (id + 1) + ": duplicate token '" + token + "'");
      }
      vocabNode.put(token, id);
    }
    for (String special : SPECIAL_TOKENS) {
      if (!vocabNode.has(special)) {
        throw new IllegalArgumentException(
            source + ": the vocabulary has no " + special + " token, which BERT needs");
      }
    }

    ObjectNode root = JSON.createObjectNode();
    root.put("version", "1.0");
    root.putNull("truncation");
    root.putNull("padding");
    ArrayNode added = root.putArray("added_tokens");
    for (String special : SPECIAL_TOKENS) {
      added
          .addObject()
          .put("id", vocabNode.get(special).asInt())
          .put("content", special)
          .put("single_word", false)
          .put("lstrip", false)
          .put("rstrip", false)
          .put("normalized", false)
          .put("special", true);
    }
    root.putObject("normalizer")
        .put("type", "BertNormalizer")
        .put("clean_text", true)
        .put("handle_chinese_chars", true)
        .putNull("strip_accents")
        .put("lowercase", lowercase);
    root.putObject("pre_tokenizer").put("type", "BertPreTokenizer");
    ObjectNode post = root.putObject("post_processor");
    post.put("type", "TemplateProcessing");
    ArrayNode single = post.putArray("single");
    special(single, "[CLS]", 0);
    sequence(single, "A", 0);
    special(single, "[SEP]", 0);
    ArrayNode pair = post.putArray("pair");
    special(pair, "[CLS]", 0);
    sequence(pair, "A", 0);
    special(pair, "[SEP]", 0);
    sequence(pair, "B", 1);
    special(pair, "[SEP]", 1);
    ObjectNode specials = post.putObject("special_tokens");
    for (String s : List.of("[CLS]", "[SEP]")) {
      ObjectNode node = specials.putObject(s);
      node.put("id", s);
      node.putArray("ids").add(vocabNode.get(s).asInt());
      node.putArray("tokens").add(s);
    }
    root.putObject("decoder").put("type", "WordPiece").put("prefix", "##").put("cleanup", true);
    ObjectNode model = root.putObject("model");
    model.put("type", "WordPiece");
    model.put("unk_token", "[UNK]");
    model.put("continuing_subword_prefix", "##");
    model.put("max_input_chars_per_word", 100);
    model.set("vocab", vocabNode);
    try {
      return JSON.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void special(ArrayNode template, String token, int typeId) {
    template.addObject().putObject("SpecialToken").put("id", token).put("type_id", typeId);
  }

  private static void sequence(ArrayNode template, String id, int typeId) {
    template.addObject().putObject("Sequence").put("id", id).put("type_id", typeId);
  }
}

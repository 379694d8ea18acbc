package org.bertfit.models.text;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * What BERT's normaliser and pre-tokeniser make of each character, computed in Java from the
 * Unicode data at export time, for the codepoints they change: control characters are dropped,
 * whitespace becomes a space, CJK ideographs and punctuation get a space on each side (so that a
 * split at spaces isolates them), and for uncased vocabularies the NFD decomposition without its
 * non-spacing marks is lower-cased. Categories are Unicode 8.0's, as Hugging Face's ({@link
 * Unicode8}). The graph looks a codepoint up in {@link #keys} and replaces it
 * by its row of {@link #values}; a codepoint not there stays as it is.
 *
 * @param keys the codepoints that change, ascending
 * @param splits row {@code i} of {@code values} is {@code values[splits[i] .. splits[i + 1])}
 * @param values the replacement codepoints, row after row (an empty row deletes)
 */
public record CodepointTable(int[] keys, int[] splits, int[] values) {
  private static final int SPACE = ' ';

  /** The table of a tokenizer's normaliser switches. */
  public static CodepointTable of(WordPieceSpec spec) {
    int[] keys = new int[1 << 17];
    int[] splits = new int[(1 << 17) + 1];
    int[] values = new int[1 << 19];
    int rows = 0;
    int size = 0;
    for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
      int[] replacement = replacement(spec, c);
      if (replacement.length == 1 && replacement[0] == c) {
        continue;
      }
      if (rows == keys.length) {
        keys = Arrays.copyOf(keys, rows * 2);
        splits = Arrays.copyOf(splits, rows * 2 + 1);
      }
      if (size + replacement.length > values.length) {
        values = Arrays.copyOf(values, values.length * 2);
      }
      keys[rows] = c;
      System.arraycopy(replacement, 0, values, size, replacement.length);
      size += replacement.length;
      splits[++rows] = size;
    }
    return new CodepointTable(
        Arrays.copyOf(keys, rows), Arrays.copyOf(splits, rows + 1), Arrays.copyOf(values, size));
  }

  /** What the normaliser and the pre-tokeniser's splits make of codepoint {@code c}. */
  static int[] replacement(WordPieceSpec spec, int c) {
    if (spec.cleanText()) {
      if (c == 0 || c == 0xFFFD || isControl(c)) {
        return new int[0];
      }
      if (isWhitespace(c)) {
        return new int[] {SPACE};
      }
    }
    int[] chars = {c};
    if (spec.stripAccents()) {
      chars =
          Normalizer.normalize(new String(chars, 0, 1), Normalizer.Form.NFD)
              .codePoints()
              .filter(x -> !(Unicode8.assigned(x) && Character.getType(x) == Character.NON_SPACING_MARK))
              .toArray();
    }
    if (spec.lowercase()) {
      chars =
          Arrays.stream(chars)
              .flatMap(x -> new String(new int[] {x}, 0, 1).toLowerCase(Locale.ROOT).codePoints())
              .toArray();
    }
    boolean isolated = spec.handleChineseChars() && isChinese(c);
    return Arrays.stream(chars)
        .flatMap(x -> isolated || isPunctuation(x) ? IntStream.of(SPACE, x, SPACE) : IntStream.of(x))
        .toArray();
  }

  /**
   * Hugging Face's {@code is_control}: categories Cc, Cf, Co, Cs (of Unicode 8.0) except tab,
   * newline, return.
   */
  private static boolean isControl(int c) {
    if (c == '\t' || c == '\n' || c == '\r' || !Unicode8.assigned(c)) {
      return false;
    }
    int type = Character.getType(c);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.PRIVATE_USE
        || type == Character.SURROGATE;
  }

  /** Tab, newline, return and the space separators (Unicode White_Space beyond the controls). */
  private static boolean isWhitespace(int c) {
    return c == '\t' || c == '\n' || c == '\r' || Character.isSpaceChar(c);
  }

  /** The CJK ideograph blocks of Hugging Face's {@code is_chinese_char}. */
  private static boolean isChinese(int c) {
    return (c >= 0x4E00 && c <= 0x9FFF)
        || (c >= 0x3400 && c <= 0x4DBF)
        || (c >= 0x20000 && c <= 0x2A6DF)
        || (c >= 0x2A700 && c <= 0x2B73F)
        || (c >= 0x2B740 && c <= 0x2B81F)
        || (c >= 0x2B920 && c <= 0x2CEAF)
        || (c >= 0xF900 && c <= 0xFAFF)
        || (c >= 0x2F800 && c <= 0x2FA1F);
  }

  /** ASCII punctuation and symbols, or a Unicode punctuation category (P*, of Unicode 8.0). */
  private static boolean isPunctuation(int c) {
    if (c >= 33 && c <= 126 && !Character.isLetterOrDigit(c)) {
      return true;
    }
    if (!Unicode8.assigned(c)) {
      return false;
    }
    return switch (Character.getType(c)) {
      case Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION -> true;
      default -> false;
    };
  }
}

package org.bertfit.models.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Which codepoints Unicode 8.0 had assigned. Hugging Face's tokenizers take general categories
 * (control, punctuation, non-spacing mark) from the {@code unicode_categories} crate, whose tables
 * are Unicode 8.0's: to them a character added since is none of these, whatever Java's newer data
 * says. Read from the resource {@code unicode-8.0-assigned.txt} (an inversion list).
 */
final class Unicode8 {
  private static final int[] STARTS = read();

  private Unicode8() {}

  /** Whether Unicode 8.0 assigned {@code c}. */
  static boolean assigned(int c) {
    int at = Arrays.binarySearch(STARTS, c);
    int ranges = at >= 0 ? at + 1 : -at - 1;
    return ranges % 2 == 1;
  }

  private static int[] read() {
    String name = "unicode-8.0-assigned.txt";
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                Unicode8.class.getResourceAsStream(name), StandardCharsets.US_ASCII))) {
      return in.lines()
          .filter(line -> !line.startsWith("#"))
          .mapToInt(line -> Integer.parseInt(line.strip(), 16))
          .toArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + name, e);
    }
  }
}

package org.bertfit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A {@code text;label} file for the command tests: texts of 8 filler words with one of the
 * keywords good, bad, time at a random place; the keyword is the label, or, with noisy labels,
 * a random keyword for about one text in five.
 */
final class KeywordTexts {
  private static final List<String> KEYWORDS = List.of("good", "bad", "time");
  private static final List<String> FILLER =
      List.of("the", "of", "and", "to", "in", "is", "it", "was", "that", "for");

  private KeywordTexts() {}

  static Path write(Path file, int n, long seed, boolean noisyLabels) throws IOException {
    Random random = new Random(seed);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<String> words = new ArrayList<>();
      for (int w = 0; w < 8; w++) {
        words.add(FILLER.get(random.nextInt(FILLER.size())));
      }
      String keyword = KEYWORDS.get(random.nextInt(KEYWORDS.size()));
      words.add(random.nextInt(words.size()), keyword);
      String label = noisyLabels && random.nextInt(5) == 0
          ? KEYWORDS.get(random.nextInt(KEYWORDS.size())) : keyword;
      lines.add(String.join(" ", words) + ";" + label);
    }
    return Files.write(file, lines);
  }
}

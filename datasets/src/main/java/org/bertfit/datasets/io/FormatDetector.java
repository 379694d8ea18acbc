package org.bertfit.datasets.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.bertfit.datasets.internal.LineReader;
import org.bertfit.datasets.io.internal.TweetEvalSource;

/** Tells the format of an input from its path, and for {@code .txt} files from its first lines. */
final class FormatDetector {
  private static final int SNIFFED_LINES = 20;
  private static final Pattern TAG = Pattern.compile("O|[BIESLU]-\\S+");

  private FormatDetector() {}

  /** The format of {@code path}; unlabelled reads fall back to plain text where nothing fits. */
  static DataFormat detect(Path path, boolean labelled) {
    if (Files.isDirectory(path)) {
      throw new IllegalArgumentException(
          path
              + " is a directory; name a file, or a TweetEval split by its prefix ("
              + path
              + "/train)");
    }
    if (Files.isRegularFile(TweetEvalSource.file(path, "text"))
        || Files.isRegularFile(TweetEvalSource.file(path, "labels"))) {
      return DataFormat.TWEETEVAL;
    }
    if (!Files.exists(path)) {
      throw new IllegalArgumentException(path + ": no such file");
    }
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    String extension = name.substring(name.lastIndexOf('.') + 1);
    return switch (extension) {
      case "csv" -> DataFormat.CSV;
      case "tsv", "tab" -> DataFormat.TSV;
      case "jsonl", "ndjson" -> DataFormat.JSONL;
      case "conll", "bio", "iob" -> DataFormat.CONLL;
      default -> sniff(path, labelled);
    };
  }

  /** Most of the first lines decide, so that one bad line does not hide the format. */
  private static DataFormat sniff(Path path, boolean labelled) {
    List<String> lines = firstLines(path);
    if (lines.isEmpty()) {
      // an empty file has no format; any line format reports it as an empty file under the policy
      return DataFormat.SEMICOLON;
    }
    if (lines.stream().anyMatch(l -> l.startsWith("-DOCSTART-"))
        || most(lines, FormatDetector::looksTagged)) {
      return DataFormat.CONLL;
    }
    if (most(lines, l -> l.startsWith("{"))) {
      return DataFormat.JSONL;
    }
    if (most(lines, l -> l.indexOf(';') >= 0)) {
      return DataFormat.SEMICOLON;
    }
    if (!labelled) {
      return DataFormat.TEXT;
    }
    throw new IllegalArgumentException(
        "cannot tell the input format of "
            + path
            + " from its name or first lines; give it as one"
            + " of: "
            + DataFormat.names());
  }

  private static boolean most(List<String> lines, Predicate<String> test) {
    return lines.stream().filter(test).count() * 2 >= lines.size();
  }

  /** A BIO tag in the last column (CoNLL) or the first (MIT restaurant and movie corpora). */
  private static boolean looksTagged(String line) {
    String[] fields = line.trim().split("[ \t]+");
    return fields.length >= 2
        && (TAG.matcher(fields[fields.length - 1]).matches() || TAG.matcher(fields[0]).matches());
  }

  private static List<String> firstLines(Path path) {
    List<String> lines = new ArrayList<>();
    try (LineReader reader = LineReader.open(path)) {
      for (String line; lines.size() < SNIFFED_LINES && (line = reader.readLine()) != null; ) {
        if (!line.isBlank()) {
          lines.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
    return lines;
  }
}

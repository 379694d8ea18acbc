package org.bertfit.datasets.io.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bertfit.datasets.Example;
import org.bertfit.datasets.internal.LineReader;
import org.bertfit.datasets.io.SkipReason;
import org.bertfit.datasets.labels.LabelEncoder;

/**
 * A TweetEval split: line i of {@code <split>_text.txt} is labelled by line i of {@code
 * <split>_labels.txt}; {@code mapping.txt} beside them names the label ids.
 */
public final class TweetEvalSource implements ExampleSource {
  private final RowChecker rows;
  private final LineReader texts;
  private final LineReader labels;
  private final String textFile;
  private final String labelFile;

  TweetEvalSource(Path prefix, RowChecker rows) throws IOException {
    this.rows = rows;
    Path textPath = file(prefix, "text");
    Path labelPath = file(prefix, "labels");
    this.textFile = textPath.toString();
    this.labelFile = labelPath.toString();
    requireExists(textPath, prefix);
    if (rows.options().labelled()) {
      requireExists(labelPath, prefix);
      long textLines = countLines(textPath);
      long labelLines = countLines(labelPath);
      if (textLines != labelLines) {
        throw new IllegalArgumentException(
            textPath
                + " has "
                + textLines
                + " lines but "
                + labelPath
                + " has "
                + labelLines
                + "; line i of one must label line i of the other");
      }
    }
    this.texts = LineReader.open(textPath);
    this.labels = rows.options().labelled() ? LineReader.open(labelPath) : null;
  }

  /**
   * The split prefix of {@code .../train}, {@code .../train_text.txt} or {@code
   * .../train_labels.txt}.
   */
  public static Path prefix(Path path) {
    String name = path.getFileName().toString();
    for (String suffix : List.of("_text.txt", "_labels.txt")) {
      if (name.endsWith(suffix)) {
        return path.resolveSibling(name.substring(0, name.length() - suffix.length()));
      }
    }
    return path;
  }

  /** {@code <prefix>_<kind>.txt}. */
  public static Path file(Path prefix, String kind) {
    Path p = prefix(prefix);
    return p.resolveSibling(p.getFileName() + "_" + kind + ".txt");
  }

  /** The label names of {@code mapping.txt} beside the split, or empty when there is none. */
  public static List<String> mapping(Path prefix) {
    Path mapping = prefix(prefix).resolveSibling("mapping.txt");
    return Files.isRegularFile(mapping) ? LabelEncoder.fromNamesFile(mapping).names() : List.of();
  }

  private static void requireExists(Path file, Path prefix) {
    if (!Files.isRegularFile(file)) {
      String split = prefix(prefix).getFileName().toString();
      throw new IllegalArgumentException(
          file
              + ": no such file (TweetEval split '"
              + split
              + "' needs "
              + split
              + "_text.txt and "
              + split
              + "_labels.txt)");
    }
  }

  /** Lines as {@link LineReader} counts them: each {@code \n}, plus an unterminated last line. */
  private static long countLines(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      long lines = 0;
      int last = '\n';
      for (int n; (n = in.read(buffer)) > 0; ) {
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            lines++;
          }
        }
        last = buffer[n - 1];
      }
      return last == '\n' ? lines : lines + 1;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Example next() throws IOException {
    for (String text; (text = texts.readLine()) != null; ) {
      String cell = labels == null ? null : labels.readLine();
      long line = texts.lineNumber();
      if (texts.invalidUtf8() || labels != null && labels.invalidUtf8()) {
        String where = texts.invalidUtf8() ? textFile : labelFile;
        rows.reject(SkipReason.INVALID_UTF8, where, line, Messages.NOT_UTF8);
        continue;
      }
      if (!rows.textsPresent(textFile, line, text, null)) {
        continue;
      }
      List<String> names = cell == null ? List.of() : rows.labels(labelFile, line, cell);
      if (names != null) {
        return Example.of(text, names, line);
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    texts.close();
    if (labels != null) {
      labels.close();
    }
  }
}

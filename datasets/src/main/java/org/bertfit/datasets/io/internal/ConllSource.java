package org.bertfit.datasets.io.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bertfit.datasets.Example;
import org.bertfit.datasets.internal.LineReader;
import org.bertfit.datasets.io.Column;
import org.bertfit.datasets.io.SkipReason;

/**
 * CoNLL column files: one token a line with whitespace-separated columns, sentences separated by
 * blank lines, {@code -DOCSTART-} lines skipped. A bad line rejects its whole sentence.
 */
final class ConllSource implements ExampleSource {
  private static final String DOCSTART = "-DOCSTART-";

  private final String file;
  private final RowChecker rows;
  private final LineReader lines;
  private final List<String> words = new ArrayList<>();
  private final List<String> tags = new ArrayList<>();
  private int width = -1;
  private long sentenceLine;
  private boolean rejected;

  ConllSource(Path path, RowChecker rows) {
    this.file = path.toString();
    this.rows = rows;
    this.lines = LineReader.open(path);
  }

  @Override
  public Example next() throws IOException {
    for (String line; (line = lines.readLine()) != null; ) {
      if (line.isBlank()) {
        Example sentence = endSentence();
        if (sentence != null) {
          return sentence;
        }
        continue;
      }
      String[] fields = fields(line);
      if (fields[0].equals(DOCSTART)) {
        continue;
      }
      if (words.isEmpty() && !rejected) {
        sentenceLine = lines.lineNumber();
      }
      if (!rejected) {
        rejected = !add(fields, lines.lineNumber());
      }
    }
    return endSentence();
  }

  /** Adds a token line to the sentence; false after rejecting it. */
  private boolean add(String[] fields, long line) {
    if (lines.invalidUtf8()) {
      rows.reject(SkipReason.INVALID_UTF8, file, line, Messages.NOT_UTF8);
      return false;
    }
    if (width < 0) {
      width = fields.length;
    }
    if (fields.length != width) {
      rows.reject(
          SkipReason.RAGGED_ROW,
          file,
          line,
          "ragged row: " + fields.length + " columns, the first token line has " + width);
      return false;
    }
    int token = rows.options().tokenColumn().indexIn(width);
    int tag = rows.options().tagColumn().indexIn(width);
    boolean tokenMissing = !within(token);
    if (tokenMissing || rows.options().labelled() && !within(tag)) {
      Column missing = tokenMissing ? rows.options().tokenColumn() : rows.options().tagColumn();
      rows.reject(
          SkipReason.MISSING_COLUMN,
          file,
          line,
          "missing column "
              + missing
              + ": the line has "
              + width
              + (width == 1 ? " column" : " columns"));
      return false;
    }
    if (rows.options().labelled()) {
      String name = rows.tag(file, line, fields[tag]);
      if (name == null) {
        return false;
      }
      tags.add(name);
    }
    words.add(fields[token]);
    return true;
  }

  private boolean within(int column) {
    return column >= 0 && column < width;
  }

  private Example endSentence() {
    Example sentence =
        words.isEmpty() || rejected ? null : Example.tagged(words, tags, sentenceLine);
    words.clear();
    tags.clear();
    rejected = false;
    return sentence;
  }

  /** Splits at runs of spaces and tabs (faster than a regular expression on 200,000 lines). */
  private static String[] fields(String line) {
    List<String> out = new ArrayList<>(4);
    int n = line.length();
    int i = 0;
    while (i < n) {
      while (i < n && isSpace(line.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !isSpace(line.charAt(i))) {
        i++;
      }
      if (i > start) {
        out.add(line.substring(start, i));
      }
    }
    return out.toArray(new String[0]);
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t';
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}

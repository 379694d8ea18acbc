package org.bertfit.datasets.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a UTF-8 file line by line. Only {@code \n} ends a line (a {@code \r} before it is dropped),
 * so a stray carriage return inside a tweet does not shift the line numbers of a TweetEval split.
 */
public final class LineReader implements Closeable {
  private final StrictUtf8Reader in;
  private final char[] buffer = new char[1 << 14];
  private final StringBuilder pending = new StringBuilder();
  private int position;
  private int limit;
  private long lineNumber;
  private boolean endOfInput;

  public LineReader(StrictUtf8Reader in) {
    this.in = in;
  }

  /** Opens {@code file}; a missing file is an error naming it. */
  public static LineReader open(Path file) {
    return new LineReader(new StrictUtf8Reader(openStream(file)));
  }

  /** Opens {@code file} for reading; a missing file is an {@link IllegalArgumentException}. */
  public static InputStream openStream(Path file) {
    try {
      return Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such file", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The next line without its terminator, or null at the end. */
  public String readLine() throws IOException {
    pending.setLength(0);
    while (true) {
      if (position == limit && !refill()) {
        if (pending.length() == 0) {
          return null;
        }
        return finish(pending.toString());
      }
      for (int i = position; i < limit; i++) {
        if (buffer[i] == '\n') {
          String line;
          if (pending.length() == 0) {
            line = new String(buffer, position, i - position);
          } else {
            line = pending.append(buffer, position, i - position).toString();
          }
          position = i + 1;
          return finish(line);
        }
      }
      pending.append(buffer, position, limit - position);
      position = limit;
    }
  }

  private String finish(String line) {
    lineNumber++;
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  private boolean refill() throws IOException {
    if (endOfInput) {
      return false;
    }
    int n = in.read(buffer, 0, buffer.length);
    if (n < 0) {
      endOfInput = true;
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }

  /** The 1-based number of the line last returned. */
  public long lineNumber() {
    return lineNumber;
  }

  /** Whether the line last returned held bytes that are not UTF-8. */
  public boolean invalidUtf8() {
    return in.hasInvalidBytes(lineNumber, lineNumber);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}

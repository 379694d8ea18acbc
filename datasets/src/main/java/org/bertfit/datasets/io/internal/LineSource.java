package org.bertfit.datasets.io.internal;

import java.io.IOException;
import java.nio.file.Path;
import org.bertfit.datasets.Example;
import org.bertfit.datasets.internal.LineReader;
import org.bertfit.datasets.io.SkipReason;

/** A source with one example a line; blank lines are skipped, lines that are not UTF-8 rejected. */
abstract class LineSource implements ExampleSource {
  protected final String file;
  protected final RowChecker rows;
  private final LineReader lines;

  LineSource(Path path, RowChecker rows) {
    this.file = path.toString();
    this.rows = rows;
    this.lines = LineReader.open(path);
  }

  @Override
  public final Example next() throws IOException {
    for (String line; (line = lines.readLine()) != null; ) {
      if (line.isBlank()) {
        continue;
      }
      long number = lines.lineNumber();
      if (lines.invalidUtf8()) {
        rows.reject(SkipReason.INVALID_UTF8, file, number, Messages.NOT_UTF8);
        continue;
      }
      Example example = parse(line, number);
      if (example != null) {
        return example;
      }
    }
    return null;
  }

  /** The example of one non-blank line, or null after rejecting it. */
  protected abstract Example parse(String line, long number);

  @Override
  public void close() throws IOException {
    lines.close();
  }
}

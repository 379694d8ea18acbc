package org.bertfit.datasets.io.internal;

import java.nio.file.Path;
import java.util.List;
import org.bertfit.datasets.Example;

/** Plain text: each non-blank line is one text, without labels (input to predict). */
final class TextSource extends LineSource {
  TextSource(Path path, RowChecker rows) {
    super(path, unlabelled(path, rows));
  }

  /** Checked before the file is opened, so that the error leaves nothing open. */
  private static RowChecker unlabelled(Path path, RowChecker rows) {
    if (rows.options().labelled()) {
      throw new IllegalArgumentException(
          path + ": plain text (one text a line) has no labels; name the format of labelled data");
    }
    return rows;
  }

  @Override
  protected Example parse(String line, long number) {
    return rows.textsPresent(file, number, line, null) ? Example.of(line, List.of(), number) : null;
  }
}

package org.bertfit.datasets.io.internal;

import java.nio.file.Path;
import java.util.List;
import org.bertfit.datasets.Example;
import org.bertfit.datasets.io.SkipReason;

/**
 * {@code text;label} lines; the last {@code ;} separates the label, so texts may hold {@code ;}.
 */
final class SemicolonSource extends LineSource {
  SemicolonSource(Path path, RowChecker rows) {
    super(path, rows);
  }

  @Override
  protected Example parse(String line, long number) {
    if (!rows.options().labelled()) {
      return rows.textsPresent(file, number, line, null)
          ? Example.of(line, List.of(), number)
          : null;
    }
    int split = line.lastIndexOf(';');
    if (split < 0) {
      rows.reject(SkipReason.MISSING_COLUMN, file, number, "missing column: no ';' before a label");
      return null;
    }
    String text = line.substring(0, split);
    if (!rows.textsPresent(file, number, text, null)) {
      return null;
    }
    List<String> labels = rows.labels(file, number, line.substring(split + 1));
    return labels == null ? null : Example.of(text, labels, number);
  }
}

package org.bertfit.datasets.io.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bertfit.datasets.io.ReadOptions;
import org.bertfit.datasets.io.SkipReason;

/**
 * The checks every reader applies to a row's texts and labels; rejections go to {@link BadRows}.
 */
public final class RowChecker {
  private final ReadOptions options;
  private final BadRows bad;
  private final LabelResolver labels;

  public RowChecker(ReadOptions options, BadRows bad, List<String> labelNames) {
    this.options = options;
    this.bad = bad;
    this.labels = new LabelResolver(labelNames);
  }

  public ReadOptions options() {
    return options;
  }

  /** Rejects a row (see {@link BadRows#reject}). */
  public void reject(SkipReason reason, String file, long line, String detail) {
    bad.reject(reason, file, line, detail);
  }

  /** Counts a kept row, starting at line {@code first}, whose quoted field spans lines. */
  public void multiLine(long first) {
    bad.note(SkipReason.MULTILINE_FIELD, first);
  }

  /** Whether the text (and the pair, unless null) are non-blank; rejects the row otherwise. */
  public boolean textsPresent(String file, long line, String text, String pair) {
    if (text.isBlank()) {
      bad.reject(SkipReason.EMPTY_TEXT, file, line, "empty text");
      return false;
    }
    if (pair != null && pair.isBlank()) {
      bad.reject(SkipReason.EMPTY_TEXT, file, line, "empty text pair");
      return false;
    }
    return true;
  }

  /**
   * The labels of a label cell (split at the separator for multi-label), resolved against the label
   * set; null after rejecting the row.
   */
  public List<String> labels(String file, long line, String cell) {
    String separator = options.labelSeparator();
    if (separator == null) {
      return labels(file, line, List.of(cell));
    }
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int end; (end = cell.indexOf(separator, start)) >= 0; start = end + separator.length()) {
      parts.add(cell.substring(start, end));
    }
    parts.add(cell.substring(start));
    return labels(file, line, parts);
  }

  /** Resolves labels given as a list (a JSON array); null after rejecting the row. */
  public List<String> labels(String file, long line, List<String> cells) {
    Set<String> out = new LinkedHashSet<>();
    for (String cell : cells) {
      String label = cell.strip();
      if (label.isEmpty()) {
        continue;
      }
      String name = labels.resolve(label);
      if (name == null) {
        bad.reject(SkipReason.UNKNOWN_LABEL, file, line, labels.unknown(label));
        return null;
      }
      out.add(name);
    }
    if (out.isEmpty() && !options.multiLabel()) {
      bad.reject(SkipReason.MISSING_LABEL, file, line, "missing label");
      return null;
    }
    if (out.size() > 1 && !options.multiLabel()) {
      bad.reject(
          SkipReason.MALFORMED_ROW,
          file,
          line,
          out.size()
              + " labels "
              + out
              + " but the read is single-label; give a label separator"
              + " or multi-label");
      return null;
    }
    return List.copyOf(out);
  }

  /** Resolves one CoNLL tag; null after rejecting the row. */
  public String tag(String file, long line, String tag) {
    String name = labels.resolve(tag);
    if (name == null) {
      bad.reject(SkipReason.UNKNOWN_LABEL, file, line, labels.unknown(tag));
    }
    return name;
  }
}

package org.bertfit.datasets.io;

import java.util.Locale;

/** Why a row (or a whole file) of labelled input was rejected. */
public enum SkipReason {
  EMPTY_TEXT,
  MISSING_COLUMN,
  RAGGED_ROW,
  INVALID_UTF8,
  EMPTY_FILE,
  MISSING_LABEL,
  UNKNOWN_LABEL,
  DUPLICATE_HEADER,
  MALFORMED_ROW;

  /** The reason as written in reports and JSON: {@code empty_text}, {@code unknown_label}, ... */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}

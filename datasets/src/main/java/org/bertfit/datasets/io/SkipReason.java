package org.bertfit.datasets.io;

import java.util.Locale;

/** Why a row (or a whole file) of labelled input was rejected, or kept but worth a look. */
public enum SkipReason {
  /** The text (or the second text of a pair) is empty or blank. */
  EMPTY_TEXT,
  /** A row lacks a column (or JSON field) that the read needs. */
  MISSING_COLUMN,
  /** A row has another number of fields than the header (or the first row). */
  RAGGED_ROW,
  /** A row holds bytes that are not UTF-8. */
  INVALID_UTF8,
  /** A file holds no examples at all. */
  EMPTY_FILE,
  /** A single-label row has an empty label. */
  MISSING_LABEL,
  /** A label is not in the fixed label set. */
  UNKNOWN_LABEL,
  /**
   * The header again as a data row (as when exports are concatenated), or a repeated column name.
   */
  DUPLICATE_HEADER,
  /**
   * A row that cannot be parsed: malformed JSON or CSV quoting, several labels in a single-label
   * read.
   */
  MALFORMED_ROW,
  /**
   * Not a skip: a row that was kept although a quoted field spans several lines. That is legal CSV,
   * but a stray quote merges rows the same way, so such rows are counted where people look.
   */
  MULTILINE_FIELD;

  /** Whether rows of this reason were left out (all but {@link #MULTILINE_FIELD}). */
  public boolean skips() {
    return this != MULTILINE_FIELD;
  }

  /** The reason as written in reports and JSON: {@code empty_text}, {@code unknown_label}, ... */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}

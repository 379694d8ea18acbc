package org.bertfit.datasets.io;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The layouts of labelled text that bertfit reads. */
public enum DataFormat {
  /** Comma-separated values with a header (or column indexes), through Commons CSV. */
  CSV,
  /** Tab-separated values, same options as CSV. */
  TSV,
  /**
   * {@code <split>_text.txt} + {@code <split>_labels.txt} (+ {@code mapping.txt}), named by prefix.
   */
  TWEETEVAL,
  /** {@code text;label} lines (the emotion dataset); the last {@code ;} separates the label. */
  SEMICOLON,
  /** One JSON object a line, with text and label fields. */
  JSONL,
  /** CoNLL column files: a token and a tag a line, blank lines between sentences. */
  CONLL,
  /** Plain text, one text a line and no labels: input to predict. */
  TEXT;

  /** The name used on the command line: {@code csv}, {@code tweeteval}, ... */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The format named {@code name} (case-insensitive). */
  public static DataFormat fromName(String name) {
    for (DataFormat format : values()) {
      if (format.cliName().equalsIgnoreCase(name)) {
        return format;
      }
    }
    throw new IllegalArgumentException("unknown input format '" + name + "'; known: " + names());
  }

  /** All formats as {@code csv, tsv, ...}. */
  public static String names() {
    return Arrays.stream(values()).map(DataFormat::cliName).collect(Collectors.joining(", "));
  }

  /**
   * Detects the format of {@code path}: by extension ({@code .csv .tsv .jsonl .conll}), a TweetEval
   * split prefix, and for {@code .txt} files by their first lines.
   *
   * @throws IllegalArgumentException naming the path when the format cannot be told
   */
  public static DataFormat detect(java.nio.file.Path path) {
    return FormatDetector.detect(path, true);
  }

  /**
   * As {@link #detect(java.nio.file.Path)}; for a read without labels, a file whose lines fit no
   * other format is plain {@link #TEXT}.
   */
  public static DataFormat detect(java.nio.file.Path path, boolean labelled) {
    return FormatDetector.detect(path, labelled);
  }
}

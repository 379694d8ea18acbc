package org.bertfit.evaluation.report;

import java.util.Locale;

/** The output formats of a report. */
public enum ReportFormat {
  TEXT,
  JSON,
  CSV,
  HTML;

  /** Parses {@code text}, {@code json}, {@code csv} or {@code html}. */
  public static ReportFormat parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "format must be text, json, csv or html; got '" + name + "'", e);
    }
  }
}

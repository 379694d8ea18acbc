package org.bertfit.datasets.io.internal;

/** Messages that several readers share. */
final class Messages {
  static final String NOT_UTF8 = "bytes that are not UTF-8 (save the file as UTF-8)";

  private Messages() {}
}

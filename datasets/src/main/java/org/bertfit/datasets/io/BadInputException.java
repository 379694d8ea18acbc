package org.bertfit.datasets.io;

/**
 * A bad row or file under {@link BadInputPolicy#FAIL}; the message names the file and the line, as
 * in {@code train.txt line 17: unknown label 'joyy'; known: anger, fear, joy, love, sadness,
 * surprise}.
 */
public final class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final SkipReason reason;
  private final String file;
  private final long line;
  private final String detail;

  public BadInputException(SkipReason reason, String file, long line, String detail) {
    super(file + (line > 0 ? " line " + line : "") + ": " + detail);
    this.reason = reason;
    this.file = file;
    this.line = line;
    this.detail = detail;
  }

  public SkipReason reason() {
    return reason;
  }

  public String file() {
    return file;
  }

  /** The 1-based line number, or 0 when the problem is the whole file. */
  public long line() {
    return line;
  }

  /** What is wrong, without the file and line: {@code unknown label 'joyy'; known: ...}. */
  public String detail() {
    return detail;
  }
}

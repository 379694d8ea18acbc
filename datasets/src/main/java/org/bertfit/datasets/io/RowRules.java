package org.bertfit.datasets.io;

import java.util.List;
import java.util.function.Supplier;
import org.bertfit.datasets.Example;
import org.bertfit.datasets.io.internal.BadRows;
import org.bertfit.datasets.io.internal.RowChecker;

/**
 * The checks the readers apply to a row's texts and labels, for rows read elsewhere (a Spark
 * DataFrame): empty texts, missing labels, labels outside the fixed label set, several labels in a
 * single-label read. A rejected row is counted by reason with its line, as a reader under {@link
 * BadInputPolicy#SKIP} counts it, and the first one is kept whole: the caller applies {@link
 * BadInputPolicy#FAIL} once it knows where the rows stand in the whole input.
 */
public final class RowRules {
  private final String source;
  private final BadRows counted;
  private final RowChecker checker;
  private BadInputException first;

  /**
   * Rules for rows of {@code source} read with {@code options} (label set, label separator,
   * multi-label, lines reported); their bad-input policy is left to the caller.
   */
  public RowRules(String source, ReadOptions options) {
    this.source = source;
    this.counted = new BadRows(BadInputPolicy.SKIP, options.reportedLines());
    this.checker =
        new RowChecker(options, new BadRows(BadInputPolicy.FAIL, 0), options.labelNames());
  }

  /**
   * The example of a row whose labels are one cell (split at the label separator), or null after
   * counting why not. A null text or cell reads as empty, as a CSV reader reads an empty cell;
   * {@code pair} is null when the rows have no second text.
   */
  public Example labelled(long line, String text, String pair, String labelCell) {
    return check(
        line, text, pair, () -> checker.labels(source, line, labelCell == null ? "" : labelCell));
  }

  /**
   * As {@link #labelled(long, String, String, String)} with the labels as a list (an array); a
   * null list is a missing label, as a JSON null is.
   */
  public Example labelled(long line, String text, String pair, List<String> labelCells) {
    return check(
        line,
        text,
        pair,
        () ->
            labelCells == null ? missingLabel(line) : checker.labels(source, line, labelCells));
  }

  /** The example of a row without labels (for prediction), or null after counting why not. */
  public Example unlabelled(long line, String text, String pair) {
    return check(line, text, pair, List::of);
  }

  /** Counts a row rejected before its fields could be read (malformed CSV or JSON). */
  public void reject(SkipReason reason, long line, String detail) {
    count(new BadInputException(reason, source, line, detail));
  }

  /** The rows rejected so far, by reason. */
  public SkipReport skipped() {
    return counted.report();
  }

  /** The first row rejected, as {@link BadInputPolicy#FAIL} reports it; null when none was. */
  public BadInputException firstRejection() {
    return first;
  }

  private Example check(long line, String text, String pair, Supplier<List<String>> labels) {
    String t = text == null ? "" : text;
    try {
      checker.textsPresent(source, line, t, pair);
      return new Example(t, pair, List.of(), labels.get(), line);
    } catch (BadInputException e) {
      count(e);
      return null;
    }
  }

  private List<String> missingLabel(long line) {
    throw new BadInputException(SkipReason.MISSING_LABEL, source, line, "missing label");
  }

  private void count(BadInputException e) {
    counted.reject(e.reason(), source, e.line(), e.detail());
    if (first == null) {
      first = e;
    }
  }
}

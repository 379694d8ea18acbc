package org.bertfit.datasets.io.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.bertfit.datasets.Example;
import org.bertfit.datasets.internal.LineReader;
import org.bertfit.datasets.internal.StrictUtf8Reader;
import org.bertfit.datasets.io.BadInputException;
import org.bertfit.datasets.io.Column;
import org.bertfit.datasets.io.ReadOptions;
import org.bertfit.datasets.io.SkipReason;

/**
 * CSV and TSV through Commons CSV. Columns are chosen by header name or index; the header and the
 * width of the first row set the shape every row must have. Rows whose quoted field spans lines are
 * kept and counted ({@link SkipReason#MULTILINE_FIELD}).
 */
final class CsvSource implements ExampleSource {
  private final String file;
  private static final Logger LOG = LogManager.getLogger();

  private final String kind;
  private final boolean tabs;
  private boolean warned;
  private final RowChecker rows;
  private final ReadOptions options;
  private final StrictUtf8Reader input;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private List<String> header;
  private int width = -1;
  private int text;
  private int pair = -1;
  private int label = -1;
  private int needed;
  private long linesRead;
  private boolean dataRows;

  CsvSource(Path path, RowChecker rows, boolean tabs) throws IOException {
    this.file = path.toString();
    this.kind = tabs ? "TSV" : "CSV";
    this.tabs = tabs;
    this.rows = rows;
    this.options = rows.options();
    this.input = new StrictUtf8Reader(LineReader.openStream(path));
    CSVFormat format =
        (tabs ? CSVFormat.TDF : CSVFormat.DEFAULT)
            .builder()
            .setIgnoreEmptyLines(false)
            .setIgnoreSurroundingSpaces(false)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
            .get();
    this.parser = format.parse(input);
    this.records = parser.iterator();
  }

  @Override
  public Example next() {
    for (CSVRecord record; (record = nextRecord()) != null; ) {
      long first = linesRead + 1;
      linesRead = parser.getCurrentLineNumber();
      long last = Math.max(first, linesRead);
      if (record.size() == 1 && record.get(0).isEmpty()) {
        continue;
      }
      boolean invalid = input.hasInvalidBytes(first, last);
      if (width < 0) {
        if (invalid) {
          throw new BadInputException(SkipReason.INVALID_UTF8, file, first, Messages.NOT_UTF8);
        }
        if (shape(record, first)) {
          continue;
        }
      }
      dataRows = true;
      if (invalid) {
        rows.reject(SkipReason.INVALID_UTF8, file, first, Messages.NOT_UTF8);
        continue;
      }
      Example example = example(record, first);
      if (example != null) {
        if (last > first) {
          multiLine(first, last);
        }
        return example;
      }
    }
    if (header != null && !dataRows) {
      dataRows = true;
      rows.reject(SkipReason.EMPTY_FILE, file, 0,
          "a header (" + String.join(", ", header) + ") but no rows: no examples");
    }
    return null;
  }

  private CSVRecord nextRecord() {
    try {
      return records.hasNext() ? records.next() : null;
    } catch (UncheckedIOException | IllegalStateException e) {
      String cause = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
      cause = cause.replaceFirst("^\\((start)?line \\d+\\) *", "");
      throw new BadInputException(
          SkipReason.MALFORMED_ROW, file, linesRead + 1, "malformed " + kind + ": " + cause);
    }
  }

  /** Sets the shape from the first record; true when that record is the header. */
  private boolean shape(CSVRecord record, long line) {
    width = record.size();
    if (options.header()) {
      header = record.toList();
    }
    text = resolve(options.textColumn(), line);
    pair = options.textPairColumn() == null ? -1 : resolve(options.textPairColumn(), line);
    label = options.labelled() ? resolve(options.labelColumn(), line) : -1;
    needed = Math.max(text, Math.max(pair, label));
    return header != null;
  }

  private int resolve(Column column, long line) {
    if (header == null) {
      if (column.byName()) {
        throw new IllegalArgumentException(
            file
                + ": column "
                + column
                + " is a header name but the file has no header; choose"
                + " columns by 0-based index");
      }
      return column.indexIn(width);
    }
    int index = column.indexIn(header);
    if (index < 0 || index >= width) {
      throw new BadInputException(
          SkipReason.MISSING_COLUMN,
          file,
          line,
          "no column " + column + "; the header has " + String.join(", ", header));
    }
    int again = header.subList(index + 1, width).indexOf(header.get(index));
    if (again >= 0) {
      throw new BadInputException(
          SkipReason.DUPLICATE_HEADER,
          file,
          line,
          "duplicate header '"
              + header.get(index)
              + "' (columns "
              + index
              + " and "
              + (index + 1 + again)
              + ")");
    }
    return index;
  }

  private Example example(CSVRecord record, long line) {
    if (header != null && record.toList().equals(header)) {
      rows.reject(
          SkipReason.DUPLICATE_HEADER, file, line, "duplicate header: the header row again");
      return null;
    }
    if (record.size() <= needed) {
      Column missing =
          record.size() <= label
              ? options.labelColumn()
              : record.size() <= pair ? options.textPairColumn() : options.textColumn();
      rows.reject(
          SkipReason.MISSING_COLUMN,
          file,
          line,
          "missing column " + missing + ": the row has " + fields(record.size()));
      return null;
    }
    if (record.size() != width) {
      rows.reject(
          SkipReason.RAGGED_ROW,
          file,
          line,
          "ragged row: "
              + fields(record.size())
              + ", the "
              + (header == null ? "first row" : "header")
              + " has "
              + width);
      return null;
    }
    String pairText = pair < 0 ? null : record.get(pair);
    if (!rows.textsPresent(file, line, record.get(text), pairText)) {
      return null;
    }
    List<String> labels = label < 0 ? List.of() : rows.labels(file, line, record.get(label));
    return labels == null ? null : new Example(record.get(text), pairText, List.of(), labels, line);
  }

  /**
   * Counts a row whose quoted field spans lines; in TSV, where fields rarely hold line breaks, the
   * first such row is also a warning: a stray quote merges the rows up to the next one.
   */
  private void multiLine(long first, long last) {
    rows.multiLine(first);
    if (tabs && !warned) {
      warned = true;
      LOG.warn("{} lines {}-{}: a quoted field spans {} lines and they make one example; in TSV"
          + " that usually means a stray quote (rows with fields over several lines are counted"
          + " as multiline_field in the skip report)", file, first, last, last - first + 1);
    }
  }

  private static String fields(int n) {
    return n + (n == 1 ? " field" : " fields");
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}

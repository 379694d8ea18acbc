package org.bertfit.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructType;
import org.bertfit.datasets.Example;
import org.bertfit.datasets.io.Column;
import org.bertfit.datasets.io.ReadOptions;
import org.bertfit.datasets.io.RowRules;
import org.bertfit.datasets.io.SkipReason;

/**
 * Turns the rows of one DataFrame schema into examples with the datasets module's {@link
 * RowRules}; sent to the executors, which make their own rules (one set a partition).
 */
final class RowReader implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int text;
  private final int pair;
  private final int label;
  private final boolean labelArray;
  private final int malformed;
  private final SkipReason malformedReason;
  private final String labelSeparator;
  private final boolean multiLabel;
  private final ArrayList<String> labelNames;
  private final int reportedLines;

  /**
   * The reader of {@code frame}'s rows with {@code schema} (the frame's, or the same without its
   * malformed-row column).
   *
   * @param labelNames the label set labels must belong to (names, or ids into it)
   */
  RowReader(ExampleFrame frame, StructType schema, List<String> labelNames) {
    ReadOptions options = frame.options();
    List<String> names = Arrays.asList(schema.fieldNames());
    this.source = frame.source();
    this.text = index(frame, names, options.textColumn());
    this.pair = options.textPairColumn() == null ? -1 : index(frame, names, options.textPairColumn());
    this.label = options.labelled() ? index(frame, names, options.labelColumn()) : -1;
    this.labelArray = label >= 0 && schema.fields()[label].dataType() instanceof ArrayType;
    this.malformed = frame.malformedColumn() == null ? -1 : names.indexOf(frame.malformedColumn());
    this.malformedReason = frame.malformedReason();
    this.labelSeparator = options.labelSeparator();
    this.multiLabel = options.multiLabel();
    this.labelNames = new ArrayList<>(labelNames);
    this.reportedLines = options.reportedLines();
  }

  /** Where {@code column} is in {@code names}; indexes count the data's columns only. */
  private static int index(ExampleFrame frame, List<String> names, Column column) {
    List<String> data = names.stream().filter(n -> !n.equals(frame.malformedColumn())).toList();
    int i = column.byName() ? data.indexOf(column.name()) : column.indexIn(data.size());
    if (i < 0 || i >= data.size()) {
      throw new IllegalArgumentException(
          frame.source() + " has no column " + column + "; its columns: " + String.join(", ", data));
    }
    return names.indexOf(data.get(i));
  }

  /** Fresh rules for one partition's rows. */
  RowRules rules() {
    return new RowRules(
        source,
        ReadOptions.builder()
            .labelSeparator(labelSeparator)
            .multiLabel(multiLabel)
            .labelNames(labelNames)
            .reportedLines(reportedLines)
            .build());
  }

  /** The example of {@code row}, or null after {@code rules} counted why not. */
  Example example(RowRules rules, Row row, long line) {
    if (malformed >= 0 && !row.isNullAt(malformed)) {
      rules.reject(malformedReason, line, "malformed row: " + row.getString(malformed).strip());
      return null;
    }
    String t = string(row, text);
    String p = pair < 0 ? null : row.isNullAt(pair) ? "" : string(row, pair);
    if (label < 0) {
      return rules.unlabelled(line, t, p);
    }
    if (!labelArray) {
      return rules.labelled(line, t, p, string(row, label));
    }
    List<String> cells = null;
    if (!row.isNullAt(label)) {
      cells = new ArrayList<>();
      for (Object cell : row.getList(label)) {
        cells.add(String.valueOf(cell));
      }
    }
    return rules.labelled(line, t, p, cells);
  }

  /**
   * The example of a row that passed the first pass.
   *
   * @throws IllegalStateException when it does not pass now (the input changed between passes)
   */
  Example known(RowRules rules, Row row, long index) {
    Example example = example(rules, row, index + 1);
    if (example == null) {
      throw new IllegalStateException(
          "example "
              + index
              + " of "
              + source
              + " passed the first pass but not the second (did the input change?): "
              + rules.firstRejection().getMessage());
    }
    return example;
  }

  /** {@code row} without the malformed-row column, as a plain row (no schema to serialize). */
  Row withoutMalformed(Row row) {
    Object[] values = new Object[malformed < 0 ? row.length() : row.length() - 1];
    for (int i = 0, j = 0; i < row.length(); i++) {
      if (i != malformed) {
        values[j++] = row.get(i);
      }
    }
    return RowFactory.create(values);
  }

  /** Whether the rows carry labels. */
  boolean labelled() {
    return label >= 0;
  }

  private static String string(Row row, int i) {
    return row.isNullAt(i) ? null : row.get(i).toString();
  }
}

package org.bertfit.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.bertfit.datasets.io.ReadOptions;
import org.bertfit.datasets.io.SkipReason;

/**
 * A DataFrame of texts, and how its rows become examples: the columns, label separator, label set
 * and bad-input policy of {@link ReadOptions}. Rows are numbered from 1 in the DataFrame's order
 * (after the header of a CSV file, so that numbers are its lines when no field spans lines); bad
 * rows are reported by these numbers.
 *
 * @param rows the DataFrame
 * @param source names the data in messages and reports (a path)
 * @param options columns chosen by name or index; the format is the DataFrame's business
 * @param headerLines lines before the first row (1 for a CSV file with a header)
 * @param malformedColumn the column where the reader puts rows it could not parse, or null
 * @param malformedReason what such a row is counted as
 */
public record ExampleFrame(
    Dataset<Row> rows,
    String source,
    ReadOptions options,
    long headerLines,
    String malformedColumn,
    SkipReason malformedReason) {

  /** The rows of any DataFrame, numbered from 1, without a malformed-row column. */
  public static ExampleFrame of(Dataset<Row> rows, String source, ReadOptions options) {
    return new ExampleFrame(rows, source, options, 0, null, null);
  }
}

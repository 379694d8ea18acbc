package org.bertfit.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.bertfit.datasets.io.ReadOptions;
import org.bertfit.datasets.io.SkipReason;

/**
 * Reads Parquet, CSV, TSV or JSONL (a file, or a directory of part files) into an {@link
 * ExampleFrame}, the format given by {@link ReadOptions#format()} or told by the file names. CSV
 * is read as the datasets module reads it (RFC 4180: doubled quotes, fields spanning lines, so a
 * file is one task of the read; the model stage is spread after the read); rows of another width
 * than the header count as {@code ragged_row}, JSON lines that do not parse as {@code
 * malformed_row}.
 */
public final class SparkInput {
  /** Where Spark's CSV and JSON readers put rows they cannot parse. */
  static final String MALFORMED = "_corrupt_record";

  /** The layouts Spark reads here. */
  public enum Format {
    PARQUET,
    CSV,
    TSV,
    JSONL
  }

  private SparkInput() {}

  /** The examples of {@code path}; {@code path} also names them in reports. */
  public static ExampleFrame read(SparkSession spark, String path, ReadOptions options) {
    return switch (format(spark, path, options)) {
      case PARQUET -> ExampleFrame.of(spark.read().parquet(path), path, options);
      case CSV -> csv(spark, path, options, ",");
      case TSV -> csv(spark, path, options, "\t");
      case JSONL -> json(spark, path, options);
    };
  }

  /** The format of {@code path}: as the options say, else by its name or its files' names. */
  public static Format format(SparkSession spark, String path, ReadOptions options) {
    if (options.format() != null) {
      return switch (options.format()) {
        case CSV -> Format.CSV;
        case TSV -> Format.TSV;
        case JSONL -> Format.JSONL;
        default ->
            throw new IllegalArgumentException(
                "Spark reads parquet, csv, tsv and jsonl; got input format "
                    + options.format().cliName());
      };
    }
    Format named = byName(path);
    return named != null ? named : byFiles(spark, path);
  }

  private static Format byFiles(SparkSession spark, String path) {
    Path dir = new Path(path);
    try {
      FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
      for (FileStatus file : fs.listStatus(dir)) {
        String name = file.getPath().getName();
        Format format = name.startsWith("_") || name.startsWith(".") ? null : byName(name);
        if (format != null) {
          return format;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + path + ": " + e.getMessage(), e);
    }
    throw new IllegalArgumentException(
        path
            + ": cannot tell its format from the names of its files (.parquet, .csv, .tsv, .jsonl,"
            + " .json); give --input-format csv, tsv or jsonl");
  }

  private static Format byName(String path) {
    String name = path.toLowerCase(Locale.ROOT).replaceFirst("\\.(gz|bz2|zst|snappy|lz4)$", "");
    for (Format format : Format.values()) {
      if (name.endsWith("." + format.name().toLowerCase(Locale.ROOT))) {
        return format;
      }
    }
    return name.endsWith(".json") || name.endsWith(".ndjson") ? Format.JSONL : null;
  }

  private static ExampleFrame csv(
      SparkSession spark, String path, ReadOptions options, String separator) {
    DataFrameReader reader =
        spark
            .read()
            .option("header", options.header())
            .option("sep", separator)
            .option("quote", "\"")
            .option("escape", "\"")
            .option("multiLine", true)
            .option("mode", "PERMISSIVE")
            .option("columnNameOfCorruptRecord", MALFORMED);
    StructType columns = reader.csv(path).schema();
    Dataset<Row> rows = reader.schema(columns.add(MALFORMED, DataTypes.StringType)).csv(path);
    return new ExampleFrame(
        rows, path, options, options.header() ? 1 : 0, MALFORMED, SkipReason.RAGGED_ROW);
  }

  private static ExampleFrame json(SparkSession spark, String path, ReadOptions options) {
    Dataset<Row> rows =
        spark
            .read()
            .option("mode", "PERMISSIVE")
            .option("primitivesAsString", true)
            .option("columnNameOfCorruptRecord", MALFORMED)
            .json(path);
    boolean malformed = Arrays.asList(rows.columns()).contains(MALFORMED);
    return new ExampleFrame(
        rows, path, options, 0, malformed ? MALFORMED : null, SkipReason.MALFORMED_ROW);
  }
}

package org.bertfit.spark.cli;

import org.apache.spark.sql.SparkSession;
import org.bertfit.cli.InputOptions;
import org.bertfit.datasets.io.ReadOptions;
import org.bertfit.spark.ExampleFrame;
import org.bertfit.spark.SparkInput;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What the Spark commands read: a path and the input options of bertfit ({@code @Mixin}). */
public final class SparkInputOptions {
  @Option(
      names = "--data",
      required = true,
      paramLabel = "PATH",
      description =
          "Parquet, CSV, TSV or JSONL: a file or a directory of part files, any path Spark reads"
              + " (hdfs://, s3a://, ...)")
  String data;

  @Mixin InputOptions input;

  /** The examples of {@code --data}, with their labels or without. */
  ExampleFrame read(SparkSession spark, boolean labelled) {
    ReadOptions options = input.readOptions();
    return SparkInput.read(
        spark, data, labelled ? options : options.toBuilder().unlabelled().build());
  }
}

package org.bertfit.spark.cli;

import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.bertfit.cli.PredictModelOptions;
import org.bertfit.models.export.ModelFiles;
import org.bertfit.spark.SparkClassifier;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The model the Spark commands run and where ({@code @Mixin}): the {@link PredictModelOptions}, master and partitions. */
public final class SparkOptions {
  @Mixin PredictModelOptions model;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "Spark master, e.g. local[2] (local[2,3]: a failed task is tried up to 3 times); default:"
              + " the one spark-submit sets, else local[*]")
  String master;

  @Option(
      names = "--partitions",
      paramLabel = "N",
      description =
          "Partitions the model runs in (default: the input's, at least Spark's parallelism, at"
              + " most one a window of texts)")
  Integer partitions;

  /**
   * The session: on {@code --master}, the master spark-submit set, or {@code local[*]}. Spark's
   * own logging is cut to warnings when this process starts Spark itself.
   */
  SparkSession session(String command) {
    SparkSession.Builder builder = SparkSession.builder().appName("bertfit " + command);
    if (master != null || !new SparkConf().contains("spark.master")) {
      Configurator.setLevel(
          Map.of(
              "org.apache.spark", Level.WARN,
              "org.apache.hadoop", Level.WARN,
              "org.sparkproject", Level.WARN,
              "org.apache.parquet", Level.WARN));
      builder.master(master != null ? master : "local[*]");
    }
    return builder.getOrCreate();
  }

  /** The {@code --model} options. */
  PredictModelOptions model() {
    return model;
  }

  /** The classifier of the {@code --model} options. */
  SparkClassifier classifier(SparkSession spark) {
    ModelFiles files = ModelFiles.open(model.model());
    SparkClassifier classifier =
        SparkClassifier.open(spark, files, model.batchSize(), model.maxLength(files));
    return partitions == null ? classifier : classifier.withPartitions(partitions);
  }
}

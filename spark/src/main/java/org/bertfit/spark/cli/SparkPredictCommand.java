package org.bertfit.spark.cli;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.bertfit.spark.ScoredFrame;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bertfit spark-predict}: {@code bertfit predict} on Spark, writing a DataFrame. */
@Command(
    name = "spark-predict",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the model over texts with Apache Spark and writes the input's columns with"
          + " predicted_label (predicted_labels for a multi-label model) and scores (label to"
          + " probability), in input order: the predictions of bertfit predict, bit for bit.",
      "Example: bertfit spark-predict --model saved_models/emotion --data texts.parquet"
          + " --out predictions.parquet"
    })
public final class SparkPredictCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SparkOptions spark;

  @Mixin SparkInputOptions data;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Where to write the predictions (a new directory)")
  String out;

  @Option(
      names = "--out-format",
      defaultValue = "parquet",
      paramLabel = "parquet|json",
      description = "Output format (default: ${DEFAULT-VALUE})")
  String outFormat;

  @Override
  public Integer call() throws IOException {
    String format = outFormat.toLowerCase(Locale.ROOT);
    if (!format.equals("parquet") && !format.equals("json")) {
      throw new IllegalArgumentException("--out-format must be parquet or json, got '" + outFormat + "'");
    }
    try (SparkSession session = spark.session("spark-predict")) {
      long start = System.nanoTime();
      try (ScoredFrame scored =
          spark.classifier(session).score(data.read(session, false))) {
        scored.predictions().write().format(format).save(out);
        ScoringSummary.print(spec.commandLine().getErr(), "spark-predict", scored, start);
      }
    }
    return 0;
  }
}

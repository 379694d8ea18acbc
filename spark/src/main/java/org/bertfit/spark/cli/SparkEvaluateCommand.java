package org.bertfit.spark.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.bertfit.cli.EvaluationReportOptions;
import org.bertfit.evaluation.EvaluationReport;
import org.bertfit.evaluation.Evaluator;
import org.bertfit.spark.ScoredFrame;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bertfit spark-evaluate}: {@code bertfit evaluate} on Spark. The report is the one {@code
 * bertfit evaluate} writes for the same rows, byte for byte.
 */
@Command(
    name = "spark-evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the model over labelled data with Apache Spark and writes the class-wise report of"
          + " bertfit evaluate: the same numbers for the same rows. A first pass counts the rows"
          + " and bad rows; the second sends whole windows of texts to each partition, so that"
          + " texts are batched as bertfit evaluate batches them, and runs the model there (one"
          + " model a Spark executor, shared by its tasks).",
      "Example: bertfit spark-evaluate --model saved_models/emotion --data test.parquet"
          + " --master local[2] --format json"
    })
public final class SparkEvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SparkOptions spark;

  @Mixin SparkInputOptions data;

  @Mixin EvaluationReportOptions report;

  @Option(
      names = "--predictions",
      paramLabel = "DIR",
      description =
          "Also write the predictions as Parquet: the input's columns with predicted_label (or"
              + " predicted_labels) and scores")
  String predictions;

  @Override
  public Integer call() throws IOException {
    Evaluator evaluator = report.evaluator();
    try (SparkSession session = spark.session("spark-evaluate")) {
      long start = System.nanoTime();
      try (ScoredFrame scored = spark.classifier(session).score(data.read(session, true))) {
        if (predictions != null) {
          scored.cache().predictions().write().parquet(predictions);
        }
        EvaluationReport counted = scored.evaluate(report.keepScores()).report(evaluator);
        ScoringSummary.print(spec.commandLine().getErr(), "spark-evaluate", scored, start);
        report.print(counted, spec.commandLine().getOut());
      }
    }
    return 0;
  }
}

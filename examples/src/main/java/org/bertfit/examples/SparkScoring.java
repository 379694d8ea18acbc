package org.bertfit.examples;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.bertfit.datasets.io.ReadOptions;
import org.bertfit.evaluation.EvaluationReport;
import org.bertfit.evaluation.Evaluator;
import org.bertfit.models.export.ModelFiles;
import org.bertfit.spark.ExampleFrame;
import org.bertfit.spark.ScoredFrame;
import org.bertfit.spark.SparkClassifier;

/** README, Apache Spark: score and evaluate a DataFrame from anywhere. */
public final class SparkScoring {
  private SparkScoring() {}

  public static void main(String[] args) {
    SparkSession spark = SparkSession.builder().appName("emotion").getOrCreate();
    ModelFiles model = ModelFiles.open(Path.of("saved_models/emotion"));
    ExampleFrame test = ExampleFrame.of(spark.table("lake.emotion_test"), "lake.emotion_test", ReadOptions.defaults());
    try (ScoredFrame scored = SparkClassifier.open(spark, model, 32, 128).score(test).cache()) {
      scored.predictions().write().parquet("s3a://lake/emotion/predictions");     // text, label, predicted_label, scores
      EvaluationReport report = scored.evaluate(true).report(Evaluator.builder().build());
    }
  }
}

package org.bertfit.spark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.bertfit.datasets.Task;
import org.bertfit.spark.SparkFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The Spark commands as a user runs them: their own local session, files in and out. */
class SparkCommandsTest {
  @TempDir static Path dir;
  static Path model;
  static Path csv;

  @BeforeAll
  static void modelAndData() {
    model = SparkFixtures.model(dir.resolve("model"), Task.SINGLE_LABEL, 7);
    csv = SparkFixtures.csv(dir.resolve("test.csv"), 3_000, 8);
  }

  record Run(int exitCode, String out, String err) {}

  static Run spark(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return new Run(cli.execute(args), out.toString(), err.toString());
  }

  @Test
  void sparkEvaluateWritesTheReportOfEvaluateAndThePredictions() throws Exception {
    Path reference = dir.resolve("evaluate.json");
    assertThat(
            org.bertfit.cli.Main.run(
                "evaluate", "--model", model.toString(), "--data", csv.toString(),
                "--on-bad-input", "skip", "--format", "json", "--out", reference.toString()))
        .isZero();
    Path predictions = dir.resolve("predictions");

    Run run =
        spark(
            "spark-evaluate", "--model", model.toString(), "--data", csv.toString(),
            "--master", "local[2]", "--on-bad-input", "skip", "--format", "json",
            "--predictions", predictions.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo(Files.readString(reference, StandardCharsets.UTF_8));
    assertThat(run.err()).contains("spark-evaluate: 3,001 texts in", "session runs");
    try (SparkSession spark = SparkSession.builder().master("local[1]").getOrCreate()) {
      assertThat(spark.read().parquet(predictions.toString()).count()).isEqualTo(3_001);
    }
  }

  @Test
  void sparkPredictWritesTheInputWithPredictions() throws Exception {
    Path texts = SparkFixtures.write(dir.resolve("texts.jsonl"), List.of(
        "{\"id\": 1, \"text\": \"a good day\"}", "{\"id\": 2, \"text\": \"the bad time\"}"));
    Path out = dir.resolve("predicted");

    Run run =
        spark(
            "spark-predict", "--model", model.toString(), "--data", texts.toString(),
            "--master", "local[1]", "--out", out.toString(), "--out-format", "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    try (SparkSession spark = SparkSession.builder().master("local[1]").getOrCreate()) {
      assertThat(spark.read().json(out.toString()).columns())
          .containsExactly("id", "predicted_label", "scores", "text");
    }
  }

  @Test
  void aBadRowIsAnErrorOnOneLine() {
    Run run =
        spark(
            "spark-evaluate", "--model", model.toString(), "--data", csv.toString(),
            "--master", "local[1]");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("bertfit spark-evaluate: error: " + csv + " line 103: empty text\n");
  }
}

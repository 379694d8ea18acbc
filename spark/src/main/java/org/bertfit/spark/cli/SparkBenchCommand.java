package org.bertfit.spark.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.bertfit.cli.InputOptions;
import org.bertfit.cli.PredictModelOptions;
import org.bertfit.datasets.Example;
import org.bertfit.datasets.io.DatasetReader;
import org.bertfit.datasets.io.ExampleStream;
import org.bertfit.datasets.io.ReadOptions;
import org.bertfit.evaluation.Evaluator;
import org.bertfit.evaluation.report.JsonReport;
import org.bertfit.spark.ScoredFrame;
import org.bertfit.spark.SparkInput;
import org.bertfit.training.predict.ModelFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bertfit spark-bench}: rows per second of {@code bertfit evaluate} in this process and of
 * Spark on the same rows and model, one after the other in one run, with the share of time in
 * session runs, and whether the two reports are the same.
 */
@Command(
    name = "spark-bench",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluates the first --rows rows of --data with bertfit evaluate in this process, then"
          + " with Spark (--master), and prints rows/s of each, the share of time in session runs,"
          + " and whether the JSON reports are identical. Times exclude starting the JVM and the"
          + " Spark session; both include reading the data twice and loading the model.",
      "Example: bertfit spark-bench --model models/bert-base-emotion --data"
          + " ../shared/datasets/emotion/test.txt --rows 2000 --max-length 64 --master local[2]"
    })
public final class SparkBenchCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Mixin PredictModelOptions model;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "PATH",
      description = "Labelled data in any format bertfit evaluate reads")
  Path data;

  @Mixin InputOptions input;

  @Option(names = "--rows", defaultValue = "2000", description = "Rows (default: 2000)")
  int rows;

  @Mixin SparkOptions spark;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path dir = Files.createTempDirectory("bertfit-spark-bench");
    ModelFiles files = ModelFiles.open(model.model());
    int batchSize = model.batchSize();
    int maxLength = model.maxLength(files);
    Path jsonl = sample(files.multiLabel(), dir.resolve("sample.jsonl"));
    Path single = dir.resolve("single.json");
    long start = System.nanoTime();
    int exit =
        org.bertfit.cli.Main.run(
            "evaluate", "--model", model.model().toString(), "--data", jsonl.toString(),
            "--batch-size", Integer.toString(batchSize), "--max-length", Integer.toString(maxLength),
            "--format", "json", "--out", single.toString());
    if (exit != 0) {
      return exit;
    }
    double singleSeconds = (System.nanoTime() - start) / 1e9;
    try (SparkSession session = spark.session("spark-bench")) {
      start = System.nanoTime();
      try (ScoredFrame scored =
          spark.classifier(session, model)
              .score(SparkInput.read(session, jsonl.toString(), ReadOptions.defaults()))) {
        StringWriter report = new StringWriter();
        JsonReport.write(scored.evaluate(true).report(Evaluator.builder().build()), report);
        double sparkSeconds = (System.nanoTime() - start) / 1e9;
        long n = scored.data().rows();
        out.printf(
            Locale.ROOT,
            "spark-bench: %,d rows, max length %d, batch %d, %d cores%n"
                + "single process (bertfit evaluate): %.1f s = %.1f rows/s%n"
                + "Spark %s, %d partitions: %.1f s = %.1f rows/s (%.2fx); session runs %.0f%% of"
                + " the model tasks' time%n"
                + "JSON reports: %s%n",
            n, maxLength, batchSize, Runtime.getRuntime().availableProcessors(),
            singleSeconds, n / singleSeconds,
            session.sparkContext().master(), scored.partitions(), sparkSeconds, n / sparkSeconds,
            singleSeconds / sparkSeconds, 100 * scored.stats().sessionShare(),
            report.toString().equals(Files.readString(single, StandardCharsets.UTF_8))
                ? "identical" : "DIFFERENT");
      }
    }
    return 0;
  }

  /** The first {@code rows} examples of {@code data} as JSON lines, which both sides read. */
  private Path sample(boolean multiLabel, Path file) throws IOException {
    ReadOptions options = input.readOptions().toBuilder().multiLabel(multiLabel).build();
    try (ExampleStream examples = DatasetReader.open(data, options);
        BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < rows && examples.hasNext(); i++) {
        Example e = examples.next();
        ObjectNode row = JSON.createObjectNode().put("text", e.text());
        if (multiLabel) {
          e.labels().forEach(row.putArray("label")::add);
        } else {
          row.put("label", e.labels().get(0));
        }
        writer.write(row.toString());
        writer.newLine();
      }
    }
    return file;
  }
}

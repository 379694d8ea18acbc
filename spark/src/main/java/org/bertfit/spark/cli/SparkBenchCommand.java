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
import org.bertfit.cli.LabelledDataOptions;
import org.bertfit.cli.PredictModelOptions;
import org.bertfit.datasets.Example;
import org.bertfit.datasets.io.DatasetReader;
import org.bertfit.datasets.io.ExampleStream;
import org.bertfit.datasets.io.ReadOptions;
import org.bertfit.evaluation.Evaluator;
import org.bertfit.evaluation.report.JsonReport;
import org.bertfit.models.bench.ForwardBenchmark;
import org.bertfit.models.export.ModelFiles;
import org.bertfit.spark.ScoredFrame;
import org.bertfit.spark.SparkInput;
import org.tensorflow.TensorFlow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bertfit spark-bench}: rows per second of {@code bertfit evaluate} in this process and of
 * Spark on the same rows and model, in rounds that alternate which goes first, with the share of
 * time in session runs, and whether the two reports are the same.
 */
@Command(
    name = "spark-bench",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluates the first --rows rows of --data with bertfit evaluate in this process and with"
          + " Spark (--master), --rounds times each, alternating which goes first, and prints the"
          + " median rows/s of each, the share of time in session runs, and whether the JSON reports"
          + " are identical. Times exclude starting the JVM, loading TensorFlow's native library and"
          + " starting the Spark session; both include reading the data and loading the model.",
      "Example: bertfit spark-bench --model models/bert-base-emotion --data"
          + " ../shared/datasets/emotion/test.txt --rows 2000 --max-length 64 --master local[2]"
    })
public final class SparkBenchCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Mixin SparkOptions spark;

  @Mixin LabelledDataOptions data;

  @Option(names = "--rows", defaultValue = "2000", description = "Rows (default: 2000)")
  int rows;

  @Option(names = "--rounds", defaultValue = "2",
      description = "Runs of each side, alternating which goes first (default: 2)")
  int rounds;

  /** One timed Spark evaluation: its time, JSON report and statistics. */
  private record SparkRun(double seconds, String report, long rows, int partitions, double sessionShare) {}

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path dir = Files.createTempDirectory("bertfit-spark-bench");
    PredictModelOptions model = spark.model();
    ModelFiles files = ModelFiles.open(model.model());
    int batchSize = model.batchSize();
    int maxLength = model.maxLength(files);
    Path jsonl = sample(files.multiLabel(), dir.resolve("sample.jsonl"));
    Path single = dir.resolve("single.json");
    if (rounds < 1) {
      throw new IllegalArgumentException("--rounds must be at least 1, got " + rounds);
    }
    TensorFlow.version(); // loads the native library before either side is timed
    double[] singleSeconds = new double[rounds];
    double[] sparkSeconds = new double[rounds];
    SparkRun last = null;
    try (SparkSession session = spark.session("spark-bench")) {
      for (int round = 0; round < rounds; round++) {
        if (round % 2 == 1) {
          last = spark(session, jsonl);
        }
        singleSeconds[round] = single(jsonl, single, batchSize, maxLength);
        if (round % 2 == 0) {
          last = spark(session, jsonl);
        }
        sparkSeconds[round] = last.seconds();
      }
      double singleMedian = ForwardBenchmark.median(singleSeconds);
      double sparkMedian = ForwardBenchmark.median(sparkSeconds);
      out.printf(
          Locale.ROOT,
          "spark-bench: %,d rows, max length %d, batch %d, %d cores, median of %d rounds%n"
              + "single process (bertfit evaluate): %.1f s = %.1f rows/s%n"
              + "Spark %s, %d partitions: %.1f s = %.1f rows/s (%.2fx); session runs %.0f%% of"
              + " the model tasks' time%n"
              + "JSON reports: %s%n",
          last.rows(), maxLength, batchSize, Runtime.getRuntime().availableProcessors(), rounds,
          singleMedian, last.rows() / singleMedian,
          session.sparkContext().master(), last.partitions(), sparkMedian, last.rows() / sparkMedian,
          singleMedian / sparkMedian, 100 * last.sessionShare(),
          last.report().equals(Files.readString(single, StandardCharsets.UTF_8)) ? "identical" : "DIFFERENT");
    }
    return 0;
  }

  /** {@code bertfit evaluate} in this process; its seconds. */
  private double single(Path jsonl, Path report, int batchSize, int maxLength) {
    long start = System.nanoTime();
    int exit =
        org.bertfit.cli.Main.run(
            "evaluate", "--model", spark.model().model().toString(), "--data", jsonl.toString(),
            "--batch-size", Integer.toString(batchSize), "--max-length", Integer.toString(maxLength),
            "--format", "json", "--out", report.toString());
    if (exit != 0) {
      throw new IllegalStateException("bertfit evaluate exited with status " + exit);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private SparkRun spark(SparkSession session, Path jsonl) throws IOException {
    long start = System.nanoTime();
    try (ScoredFrame scored =
        spark.classifier(session)
            .score(SparkInput.read(session, jsonl.toString(), ReadOptions.defaults()))) {
      StringWriter report = new StringWriter();
      JsonReport.write(scored.evaluate(true).report(Evaluator.builder().build()), report);
      return new SparkRun((System.nanoTime() - start) / 1e9, report.toString(), scored.data().rows(),
          scored.partitions(), scored.stats().sessionShare());
    }
  }

  /** The first {@code rows} examples of {@code data} as JSON lines, which both sides read. */
  private Path sample(boolean multiLabel, Path file) throws IOException {
    ReadOptions options = data.readOptions().toBuilder().multiLabel(multiLabel).build();
    try (ExampleStream examples = DatasetReader.open(data.path(), options);
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

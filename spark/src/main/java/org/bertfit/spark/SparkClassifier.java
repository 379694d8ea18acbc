package org.bertfit.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Spliterators;
import java.util.stream.StreamSupport;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.bertfit.datasets.Task;
import org.bertfit.datasets.io.BadInputPolicy;
import org.bertfit.datasets.io.ReadOptions;
import org.bertfit.datasets.io.RowRules;
import org.bertfit.inference.Predictor;
import org.bertfit.models.export.ModelFiles;
import scala.Tuple2;

/**
 * A bertfit classifier that Spark runs over DataFrames, for batch prediction and offline
 * evaluation. The driver reads the model's labels; each executor JVM opens the model once and
 * shares it between its tasks, so the model must be readable at the same path on every executor.
 *
 * <pre>{@code
 * ModelFiles model = ModelFiles.open(Path.of("saved_models/emotion"));
 * ExampleFrame test = SparkInput.read(spark, "s3a://lake/emotion/test", ReadOptions.defaults());
 * try (ScoredFrame scored = SparkClassifier.open(spark, model, 32, 128).score(test)) {
 *   EvaluationReport report = scored.evaluate(true).report(Evaluator.builder().build());
 * }
 * }</pre>
 */
public final class SparkClassifier {
  private final SparkSession spark;
  private final ModelFiles files;
  private final ExecutorClassifiers.Key model;
  private final int batchSize;
  private final int partitions;

  private SparkClassifier(
      SparkSession spark,
      ModelFiles files,
      ExecutorClassifiers.Key model,
      int batchSize,
      int partitions) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
    }
    this.spark = spark;
    this.files = files;
    this.model = model;
    this.batchSize = batchSize;
    this.partitions = partitions;
  }

  /**
   * The classifier of {@code files}; executors open {@code files.dir()} (for TF Serving's base
   * path, the version the driver found).
   *
   * @param batchSize texts a session run
   * @param maxLength tokens a text at most
   * @throws IllegalArgumentException for a token classifier: Spark runs sequence classifiers
   */
  public static SparkClassifier open(
      SparkSession spark, ModelFiles files, int batchSize, int maxLength) {
    if (files.config().problemType() == Task.TOKEN_CLASSIFICATION) {
      throw new IllegalArgumentException(
          files.dir() + " is a token classifier; Spark runs sequence classifiers");
    }
    ExecutorClassifiers.Key model =
        new ExecutorClassifiers.Key(files.dir().toString(), maxLength);
    return new SparkClassifier(spark, files, model, batchSize, 0);
  }

  /**
   * The same classifier, running the model in {@code n} partitions (by default as many as the
   * input has, at least Spark's default parallelism, at most one a window of texts).
   */
  public SparkClassifier withPartitions(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("partitions must be at least 1, got " + n);
    }
    return new SparkClassifier(spark, files, model, batchSize, n);
  }

  /**
   * Reads {@code input} once to count its rows and bad rows (one job), and prepares the model
   * run, which happens when the predictions are used.
   *
   * @throws org.bertfit.datasets.io.BadInputException at the input's first bad row under {@link
   *     BadInputPolicy#FAIL}
   */
  public ScoredFrame score(ExampleFrame frame) {
    ExampleFrame input = withLabelSets(frame);
    List<String> labels = labelSet(input);
    StructType schema = input.rows().schema();
    RowReader scanReader = new RowReader(input, schema, labels);
    JavaRDD<Row> rows = input.rows().javaRDD();
    InputScan scan = InputScan.run(rows, scanReader, input);
    if (input.options().policy() == BadInputPolicy.FAIL && scan.firstRejection() != null) {
      throw scan.firstRejection();
    }
    StructType kept = without(schema, input.malformedColumn());
    PredictionColumns columns =
        new PredictionColumns(files.labels(), files.multiLabel(), kept.size());
    RowReader reader = new RowReader(input, kept, labels);
    StatsAccumulator stats = new StatsAccumulator();
    spark.sparkContext().register(stats, "bertfit scoring");
    JavaRDD<Row> scored =
        scored(windows(rows, scanReader, scan, input.headerLines()), reader, columns, stats);
    return new ScoredFrame(
        this, scored, columns.schema(kept), scan.data(), reader, columns, stats);
  }

  SparkSession spark() {
    return spark;
  }

  ModelFiles files() {
    return files;
  }

  ExecutorClassifiers.Key model() {
    return model;
  }

  /** Texts a window: {@code bertfit evaluate} sorts texts by length within windows. */
  int windowSize() {
    return batchSize * Predictor.WINDOW_BATCHES;
  }

  /**
   * The input's good rows keyed by their index among its examples, in partitions of whole windows
   * (a shuffle), sorted.
   */
  private JavaPairRDD<Long, Row> windows(
      JavaRDD<Row> rows, RowReader reader, InputScan scan, long headerLines) {
    long examples = scan.data().rows();
    long windows = Math.max(1, (examples + windowSize() - 1) / windowSize());
    int wanted =
        partitions > 0
            ? partitions
            : Math.max(rows.getNumPartitions(), spark.sparkContext().defaultParallelism());
    ShardPartitioner shards =
        new ShardPartitioner(examples, windowSize(), (int) Math.min(wanted, windows));
    long[] rowsBefore = scan.rowsBefore();
    long[] examplesBefore = scan.examplesBefore();
    return JavaPairRDD.fromJavaRDD(
            rows.mapPartitionsWithIndex(
                (p, it) ->
                    indexed(reader, it, headerLines + rowsBefore[p], examplesBefore[p]),
                true))
        .repartitionAndSortWithinPartitions(shards);
  }

  /** Each partition's rows with their predictions, by the executor's shared classifier. */
  private JavaRDD<Row> scored(
      JavaPairRDD<Long, Row> windows,
      RowReader reader,
      PredictionColumns columns,
      StatsAccumulator stats) {
    ExecutorClassifiers.Key key = model;
    int size = batchSize;
    return windows.mapPartitions(
        it ->
            new PartitionScorer(
                it,
                reader,
                new Predictor(ExecutorClassifiers.get(key), size, Predictor.WINDOW_BATCHES),
                columns,
                stats),
        true);
  }

  /** The good rows of a partition, keyed by their index among the input's examples. */
  private static Iterator<Tuple2<Long, Row>> indexed(
      RowReader reader, Iterator<Row> rows, long lineBefore, long examplesBefore) {
    RowRules rules = reader.rules();
    long[] next = {lineBefore, examplesBefore};
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, 0), false)
        .map(
            row ->
                reader.example(rules, row, ++next[0]) == null
                    ? null
                    : new Tuple2<>(next[1]++, reader.withoutMalformed(row)))
        .filter(Objects::nonNull)
        .iterator();
  }

  /** The frame reading label sets for a multi-label model (one label a row for the others). */
  private ExampleFrame withLabelSets(ExampleFrame frame) {
    ReadOptions options = frame.options();
    if (options.multiLabel() == files.multiLabel() || !options.labelled()) {
      return frame;
    }
    if (options.multiLabel()) {
      throw new IllegalArgumentException(
          "the model predicts one label a text, but the input is read as label sets (a label"
              + " separator or multi-label)");
    }
    return new ExampleFrame(
        frame.rows(),
        frame.source(),
        options.toBuilder().multiLabel(true).build(),
        frame.headerLines(),
        frame.malformedColumn(),
        frame.malformedReason());
  }

  /** The labels the input's labels must be: its fixed label set, else the model's. */
  private List<String> labelSet(ExampleFrame input) {
    List<String> fixed = input.options().labelNames();
    List<String> unknown = new ArrayList<>(fixed);
    unknown.removeAll(files.labels());
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "the label names "
              + unknown
              + " are not the model's; it knows: "
              + String.join(", ", files.labels()));
    }
    return fixed.isEmpty() ? files.labels() : fixed;
  }

  private static StructType without(StructType schema, String column) {
    return new StructType(
        Arrays.stream(schema.fields())
            .filter(f -> !f.name().equals(column))
            .toArray(StructField[]::new));
  }
}

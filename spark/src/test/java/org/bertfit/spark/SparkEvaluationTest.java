package org.bertfit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.bertfit.cli.InputOptions;
import org.bertfit.cli.Main;
import org.bertfit.datasets.Task;
import org.bertfit.datasets.io.BadInputException;
import org.bertfit.datasets.io.ReadOptions;
import org.bertfit.datasets.io.SkipReason;
import org.bertfit.evaluation.Evaluator;
import org.bertfit.evaluation.report.JsonReport;
import org.bertfit.inference.shard.EvaluationState;
import org.bertfit.models.export.ModelFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Spark's evaluation against {@code bertfit evaluate} run in this JVM on the same files: the same
 * JSON report byte for byte and the same predictions row for row, also when a task dies once.
 */
class SparkEvaluationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_LENGTH = 64;

  @TempDir static Path dir;
  static SparkSession spark;
  static Path singleLabel;
  static Path multiLabel;
  static Path csv;

  @BeforeAll
  static void sessionModelsAndData() {
    spark = SparkFixtures.session();
    singleLabel = SparkFixtures.model(dir.resolve("single"), Task.SINGLE_LABEL, 3);
    multiLabel = SparkFixtures.model(dir.resolve("multi"), Task.MULTI_LABEL, 4);
    csv = SparkFixtures.csv(dir.resolve("test.csv"), 20_000, 11);
    SparkFixtures.tsv(dir.resolve("test.tsv"), 3_000, 13);
    SparkFixtures.multiLabelJsonl(dir.resolve("test.jsonl"), 3_000, 12);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** What {@code bertfit evaluate} writes: the JSON report and the predictions. */
  record Reference(String report, List<JsonNode> predictions) {}

  private static final Map<Path, Reference> REFERENCES = new HashMap<>();

  /** {@code bertfit evaluate}'s report and predictions (once a file). */
  static Reference evaluate(Path model, Path data, String... input) throws Exception {
    if (!REFERENCES.containsKey(data)) {
      REFERENCES.put(data, runEvaluate(model, data, input));
    }
    return REFERENCES.get(data);
  }

  private static Reference runEvaluate(Path model, Path data, String... input) throws Exception {
    Path report = dir.resolve(data.getFileName() + ".report.json");
    Path predictions = dir.resolve(data.getFileName() + ".predictions.jsonl");
    List<String> args =
        new ArrayList<>(
            List.of(
                "evaluate", "--model", model.toString(), "--data", data.toString(),
                "--max-length", Integer.toString(MAX_LENGTH), "--format", "json",
                "--out", report.toString(), "--predictions", predictions.toString()));
    args.addAll(List.of(input));
    assertThat(Main.run(args.toArray(String[]::new))).isZero();
    List<JsonNode> rows = new ArrayList<>();
    for (String line : Files.readAllLines(predictions, StandardCharsets.UTF_8)) {
      rows.add(JSON.readTree(line));
    }
    return new Reference(Files.readString(report, StandardCharsets.UTF_8), rows);
  }

  static String json(EvaluationState state) throws Exception {
    StringWriter out = new StringWriter();
    JsonReport.write(state.report(Evaluator.builder().build()), out);
    return out.toString();
  }

  /** The read options of these command-line flags (and {@code --on-bad-input skip}). */
  static ReadOptions readOptions(String... input) {
    InputOptions options = new InputOptions();
    new CommandLine(options).parseArgs(input);
    return options.readOptions();
  }

  static ScoredFrame score(Path model, Path data, String... input) {
    return SparkClassifier.open(spark, ModelFiles.open(model), 32, MAX_LENGTH)
        .score(SparkInput.read(spark, data.toString(), readOptions(input)));
  }

  private static final String[] SKIP = {"--on-bad-input", "skip"};

  /** CSV and TSV are read whole (fields may span lines); JSON lines in 64 KB splits. */
  static Stream<Arguments> inputs() {
    return Stream.of(
        Arguments.of("single", "test.csv", false, SKIP),
        Arguments.of(
            "single", "test.tsv", false,
            new String[] {"--on-bad-input", "skip", "--no-header", "--text-column", "0",
              "--label-column", "-1"}),
        Arguments.of("multi", "test.jsonl", true, SKIP));
  }

  @ParameterizedTest(name = "{0}-label model, {1}")
  @MethodSource("inputs")
  void sameReportAndPredictionsAsBertfitEvaluate(
      String kind, String file, boolean split, String[] input) throws Exception {
    Path model = kind.equals("single") ? singleLabel : multiLabel;
    Path data = dir.resolve(file);
    Reference reference = evaluate(model, data, input);
    int inputPartitions =
        SparkInput.read(spark, data.toString(), readOptions(input))
            .rows().javaRDD().getNumPartitions();
    assertThat(inputPartitions > 1).as("%d input partitions", inputPartitions).isEqualTo(split);

    try (ScoredFrame scored = score(model, data, input).cache()) {
      List<Row> predictions = scored.predictions().collectAsList();
      String report = json(scored.evaluate(true));

      assertThat(scored.partitions()).isGreaterThan(1);
      assertThat(scored.data().skipped().total()).isEqualTo(3);
      assertThat(report).isEqualTo(reference.report());
      assertThat(predictions).hasSameSizeAs(reference.predictions());
      for (int i = 0; i < predictions.size(); i++) {
        assertSamePrediction(predictions.get(i), reference.predictions().get(i), i);
      }
    }
  }

  private static void assertSamePrediction(Row row, JsonNode expected, int i) {
    String text = List.of(row.schema().fieldNames()).contains("text") ? row.getAs("text") : row.getString(0);
    assertThat(text).as("row %d", i).isEqualTo(expected.get("text").asText());
    Object predicted =
        expected.has("label")
            ? row.getAs(PredictionColumns.PREDICTED_LABEL)
            : row.getList(row.fieldIndex(PredictionColumns.PREDICTED_LABELS));
    Object want =
        expected.has("label")
            ? expected.get("label").asText()
            : JSON.convertValue(expected.get("labels"), List.class);
    assertThat(predicted).as("row %d", i).isEqualTo(want);
    java.util.Map<String, Float> scores = row.getJavaMap(row.fieldIndex(PredictionColumns.SCORES));
    expected.get("scores").fields().forEachRemaining(
        e -> assertThat(scores.get(e.getKey())).as("row %d %s", i, e.getKey())
            .isEqualTo(Float.parseFloat(e.getValue().asText())));
  }

  @Test
  void parquetGivesTheReportOfTheSameRows() throws Exception {
    Path parquet = dir.resolve("test.parquet");
    try (ScoredFrame scored = score(singleLabel, csv, SKIP)) {
      scored.predictions().select("text", "label").coalesce(1).write().parquet(parquet.toString());
    }
    try (ScoredFrame scored = score(singleLabel, parquet, SKIP)) {
      assertThat(withoutSkippedRows(json(scored.evaluate(true))))
          .isEqualTo(withoutSkippedRows(evaluate(singleLabel, csv, SKIP).report()));
    }
  }

  /** A JSON report without the warning about skipped rows (the Parquet file has none). */
  private static JsonNode withoutSkippedRows(String report) throws Exception {
    JsonNode json = JSON.readTree(report);
    ((ArrayNode) json.get("warnings")).removeIf(w -> w.get("code").asText().equals("skipped-rows"));
    return json;
  }

  @Test
  void aTaskThatDiesOnceIsRetriedAndCountedOnce() throws Exception {
    Reference reference = evaluate(singleLabel, csv, SKIP);
    AtomicInteger failed = new AtomicInteger();
    SparkListener listener =
        new SparkListener() {
          @Override
          public void onTaskEnd(SparkListenerTaskEnd end) {
            if (!end.taskInfo().successful()) {
              failed.incrementAndGet();
            }
          }
        };
    spark.sparkContext().addSparkListener(listener);
    spark.sparkContext().setLocalProperty(PartitionScorer.KILL, "1:5000");
    try (ScoredFrame scored = score(singleLabel, csv, SKIP)) {
      assertThat(json(scored.evaluate(true))).isEqualTo(reference.report());
    } finally {
      spark.sparkContext().setLocalProperty(PartitionScorer.KILL, null);
      spark.sparkContext().removeSparkListener(listener);
    }
    assertThat(failed.get()).isEqualTo(1);
  }

  @Test
  void oneClassifierAJvmForEveryTaskAndRun() {
    try (ScoredFrame scored = score(singleLabel, csv, SKIP)) {
      scored.evaluate(false);
      int opened = ExecutorClassifiers.opened();
      scored.evaluate(false);
      assertThat(ExecutorClassifiers.opened()).isEqualTo(opened);
      assertThat(scored.stats().partitions()).isEqualTo(scored.partitions());
      assertThat(scored.stats().texts()).isEqualTo(20_001);
    }
  }

  @Test
  void underFailTheFirstBadRowIsAnErrorNamingItsLine() {
    assertThatThrownBy(() -> score(singleLabel, csv))
        .isInstanceOf(BadInputException.class)
        .hasMessage(csv + " line 103: empty text")
        .extracting(e -> ((BadInputException) e).reason())
        .isEqualTo(SkipReason.EMPTY_TEXT);
  }
}

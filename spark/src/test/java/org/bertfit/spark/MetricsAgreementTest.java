package org.bertfit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.bertfit.cli.Main;
import org.bertfit.datasets.EncodedDataset;
import org.bertfit.datasets.Task;
import org.bertfit.datasets.io.DatasetReader;
import org.bertfit.datasets.io.ReadOptions;
import org.bertfit.datasets.labels.LabelEncoder;
import org.bertfit.datasets.tokenize.BertTokenizer;
import org.bertfit.evaluation.Average;
import org.bertfit.evaluation.Evaluator;
import org.bertfit.evaluation.ReportOptions;
import org.bertfit.evaluation.ZeroDivision;
import org.bertfit.evaluation.report.JsonReport;
import org.bertfit.models.export.ModelFiles;
import org.bertfit.training.FitConfig;
import org.bertfit.training.History;
import org.bertfit.training.Model;
import org.bertfit.training.metrics.Metric;
import org.bertfit.training.optimizers.Optimizer;
import org.bertfit.training.tasks.TaskDefaults;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four ways of evaluating one model on one file count with the same accumulator and agree
 * exactly: {@code fit}'s validation metrics, {@code bertfit evaluate}'s report, the report of three
 * shards merged by {@code bertfit report --merge}, and Spark's evaluation.
 */
class MetricsAgreementTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_LENGTH = 64;
  private static final String[] SKIP = {"--on-bad-input", "skip"};
  private static final List<String> EVALUATE_OPTIONS = List.of("--max-length", Integer.toString(MAX_LENGTH),
      "--batch-size", "2", "--zero-division", "0", "--format", "json", SKIP[0], SKIP[1]);

  @TempDir static Path dir;
  static SparkSession spark;

  @BeforeAll
  static void session() {
    spark = SparkFixtures.session();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void fitEvaluateThreeMergedShardsAndSparkAgree() throws Exception {
    Path train = SparkFixtures.csv(dir.resolve("train.csv"), 400, 21);
    Path test = SparkFixtures.csv(dir.resolve("test.csv"), 700, 22);
    Path trained = dir.resolve("trained");
    ReadOptions read = SparkEvaluationTest.readOptions(SKIP);
    History history;
    try (Model model = Model.load(
        SparkFixtures.model(dir.resolve("initial"), Task.SINGLE_LABEL, 5))) {
      model.compile(Optimizer.adamW(), TaskDefaults.loss(model.config().problemType()), List.of(
          Metric.accuracy(), Metric.f1(Average.MACRO), Metric.precision(Average.MACRO),
          Metric.recall(Average.MACRO), Metric.f1(Average.WEIGHTED), Metric.rocAuc(Average.MACRO),
          Metric.rocAuc(Average.WEIGHTED)));
      history = model.fit(encode(model, train, read), encode(model, test, read),
          FitConfig.builder().epochs(1).batchSize(16).learningRate(1e-3).build());
      model.save(trained, false); // the weights of the evaluation at the end of the epoch
    }
    Map<String, Double> fit = history.last("eval").orElseThrow().values();

    Path evaluated = dir.resolve("evaluate.json");
    evaluate("--model", trained.toString(), "--data", test.toString(), "--out", evaluated.toString());
    List<String> merge = new ArrayList<>(List.of("report", "--merge"));
    for (int i = 0; i < 3; i++) {
      Path state = dir.resolve("shard-" + i + ".json");
      evaluate("--model", trained.toString(), "--data", test.toString(),
          "--shard", i + "/3", "--state", state.toString(), "--out", dir.resolve("part-" + i).toString());
      merge.add(state.toString());
    }
    Path merged = dir.resolve("merged.json");
    merge.addAll(List.of("--zero-division", "0", "--format", "json", "--out", merged.toString()));
    assertThat(Main.run(merge.toArray(String[]::new))).isZero();
    String sparkReport;
    try (ScoredFrame scored = SparkClassifier.open(spark, ModelFiles.open(trained), 2, MAX_LENGTH)
        .score(SparkInput.read(spark, test.toString(), read))) {
      StringWriter out = new StringWriter();
      JsonReport.write(scored.evaluate(true).report(Evaluator.builder()
          .options(ReportOptions.builder().zeroDivision(ZeroDivision.ZERO).build()).build()), out);
      sparkReport = out.toString();
      assertThat(scored.partitions()).isGreaterThan(1);
    }

    String report = Files.readString(evaluated, StandardCharsets.UTF_8);
    assertThat(Files.readString(merged, StandardCharsets.UTF_8)).isEqualTo(report);
    assertThat(sparkReport).isEqualTo(report);
    JsonNode json = JSON.readTree(report);
    assertThat(json.get("macro avg").get("support").asLong()).isEqualTo(700);
    assertThat(fit).containsEntry("eval_accuracy", json.get("accuracy").asDouble())
        .containsEntry("eval_f1_macro", json.get("macro avg").get("f1-score").asDouble())
        .containsEntry("eval_precision_macro", json.get("macro avg").get("precision").asDouble())
        .containsEntry("eval_recall_macro", json.get("macro avg").get("recall").asDouble())
        .containsEntry("eval_f1_weighted", json.get("weighted avg").get("f1-score").asDouble())
        .containsEntry("eval_roc_auc_macro", json.get("roc_auc_ovr_macro").asDouble())
        .containsEntry("eval_roc_auc_weighted", json.get("roc_auc_ovr_weighted").asDouble());
  }

  private static EncodedDataset encode(Model model, Path file, ReadOptions read) {
    try (BertTokenizer tokenizer = model.tokenizer(MAX_LENGTH)) {
      return EncodedDataset.encode(
          DatasetReader.read(file, read), tokenizer, LabelEncoder.of(SparkFixtures.LABELS));
    }
  }

  /** {@code bertfit evaluate} with these arguments, batches of 2 (windows of 128 texts). */
  private static void evaluate(String... args) {
    List<String> all = new ArrayList<>(List.of("evaluate"));
    all.addAll(List.of(args));
    all.addAll(EVALUATE_OPTIONS);
    assertThat(Main.run(all.toArray(String[]::new))).isZero();
  }
}

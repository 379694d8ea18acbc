package org.bertfit.inference;

import org.bertfit.models.testing.TinySavedModels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.bertfit.datasets.Task;
import org.bertfit.datasets.io.BadInputPolicy;
import org.bertfit.datasets.io.DatasetReader;
import org.bertfit.datasets.io.ExampleStream;
import org.bertfit.datasets.io.ReadOptions;
import org.bertfit.evaluation.ConfusionMatrix;
import org.bertfit.evaluation.EvaluationReport;
import org.bertfit.evaluation.Evaluator;
import org.bertfit.evaluation.LabelSet;
import org.bertfit.evaluation.MultiLabelConfusion;
import org.bertfit.evaluation.ReportOptions;
import org.bertfit.evaluation.ScoreBuffer;
import org.bertfit.evaluation.report.JsonReport;
import org.bertfit.inference.shard.DataSummary;
import org.bertfit.inference.shard.EvaluationState;
import org.bertfit.inference.shard.Shard;
import org.bertfit.models.export.ModelFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EvaluationStateTest {
  private static final List<String> LABELS = List.of("neg", "neu", "pos");
  private static final Evaluator EVALUATOR = Evaluator.builder().build();

  @TempDir static Path dir;
  static ModelFiles model;
  static List<String> texts;
  static List<String> truth;
  static Path data;
  static DataSummary summary;

  @BeforeAll
  static void labelledData() {
    model =
        ModelFiles.open(
            PredictFixtures.model(
                dir.resolve("model"), Task.SINGLE_LABEL, LABELS, 5));
    texts = TinySavedModels.texts(45, 3);
    SplittableRandom random = new SplittableRandom(4);
    truth = texts.stream().map(t -> LABELS.get(random.nextInt(LABELS.size()))).toList();
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      lines.add(texts.get(i) + ";" + truth.get(i));
    }
    data = PredictFixtures.write(dir.resolve("labelled.txt"), lines);
    summary = DataSummary.scan(data, ReadOptions.defaults(), LABELS, false);
  }

  /** Evaluates one shard with windows of 2 batches of 4 texts. */
  private static EvaluationState evaluate(
      ModelFiles files, ReadOptions options, DataSummary summary, Shard shard) {
    try (Classifier classifier = Classifier.open(files, 32);
        ExampleStream examples = DatasetReader.open(Path.of(summary.source()), options)) {
      Predictor predictor = new Predictor(classifier, 4, 2);
      EvaluationState.Origin origin =
          new EvaluationState.Origin(files.fingerprint(), summary, predictor.windowSize());
      EvaluationState state =
          files.tokenClassification()
              ? EvaluationState.startTagging(origin, shard, files.labels())
              : EvaluationState.start(origin, shard, files.labels(), classifier.decoder(), true);
      Iterator<org.bertfit.datasets.Example> rows =
          shard.rows(examples, summary.rows(), predictor.windowSize());
      try (PredictionStream predictions = predictor.predict(rows)) {
        predictions.forEachRemaining(state::add);
      }
      return state;
    }
  }

  private static String json(EvaluationReport report) {
    StringWriter out = new StringWriter();
    try {
      JsonReport.write(report, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  @Test
  void reportIsTheEvaluatorsOnIndependentPredictions() {
    List<float[]> reference = PredictFixtures.reference(model, texts, 32);
    LabelSet labels = LabelSet.of(LABELS);
    ConfusionMatrix cm = new ConfusionMatrix(LABELS.size());
    ScoreBuffer scores = ScoreBuffer.multiClass(LABELS.size());
    for (int i = 0; i < texts.size(); i++) {
      float[] p = reference.get(i);
      int predicted =
          IntStream.range(0, p.length).reduce((a, b) -> p[b] > p[a] ? b : a).orElseThrow();
      cm.update(labels.id(truth.get(i)), predicted);
      scores.add(
          labels.id(truth.get(i)), IntStream.range(0, p.length).mapToDouble(c -> p[c]).toArray());
    }
    EvaluationReport expected = EVALUATOR.multiClass(labels, cm, scores);

    EvaluationReport actual =
        evaluate(model, ReadOptions.defaults(), summary, Shard.ALL).report(EVALUATOR);
    JsonAssert.closeTo(JsonAssert.parse(json(actual)), JsonAssert.parse(json(expected)), 1e-6);
    assertThat(actual.classification().accuracy()).isEqualTo(expected.classification().accuracy());
  }

  /** A token classifier's shards: entity counts and token accuracy merge exactly too. */
  @Test
  void mergedTaggingShardsReportExactlyAsOneRun() throws Exception {
    List<String> tags = List.of("O", "B-PER", "I-PER");
    ModelFiles ner =
        ModelFiles.open(
            PredictFixtures.model(dir.resolve("ner"), Task.TOKEN_CLASSIFICATION, tags, 6));
    SplittableRandom random = new SplittableRandom(7);
    List<String> lines = new ArrayList<>();
    for (String text : TinySavedModels.texts(30, 8)) {
      for (String word : text.split(" ")) {
        lines.add(word + " " + tags.get(random.nextInt(3)));
      }
      lines.add("");
    }
    Path conll = PredictFixtures.write(dir.resolve("tagged.conll"), lines);
    DataSummary tagged = DataSummary.scan(conll, ReadOptions.defaults(), tags, true);
    EvaluationState whole = evaluate(ner, ReadOptions.defaults(), tagged, Shard.ALL);
    assertThat(whole.examples()).isEqualTo(30);
    List<EvaluationState> states = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Path file = dir.resolve("tagged-shard-" + i + ".json");
      evaluate(ner, ReadOptions.defaults(), tagged, new Shard(i, 3)).save(file);
      states.add(EvaluationState.load(file));
    }
    assertThat(EvaluationState.merge(states).entityReport(ReportOptions.defaults()))
        .isEqualTo(whole.entityReport(ReportOptions.defaults()));
    assertThatThrownBy(() -> DataSummary.scan(data, ReadOptions.defaults(), tags, true))
        .hasMessageContaining("holds texts; a token classifier is evaluated on tagged sentences");
  }

  @ParameterizedTest(name = "{0} shards")
  @ValueSource(ints = {2, 3, 7})
  void mergedShardStatesReportExactlyAsOneRun(int count) throws Exception {
    String whole =
        json(evaluate(model, ReadOptions.defaults(), summary, Shard.ALL).report(EVALUATOR));
    List<EvaluationState> states = new ArrayList<>();
    for (int i = count - 1; i >= 0; i--) {
      Path file = dir.resolve("shard-" + i + "-of-" + count + ".json");
      evaluate(model, ReadOptions.defaults(), summary, new Shard(i, count)).save(file);
      states.add(EvaluationState.load(file));
    }
    assertThat(json(EvaluationState.merge(states).report(EVALUATOR))).isEqualTo(whole);
  }

  @Test
  void aShardsReportSaysItIsPartial() {
    JsonNode report =
        JsonAssert.parse(
            json(
                evaluate(model, ReadOptions.defaults(), summary, new Shard(1, 3))
                    .report(EVALUATOR)));
    // 45 rows = 6 windows of 8; shard 1 of 3 holds windows 2 and 3
    assertThat(report.get("warnings").get(0).get("message").asText())
        .isEqualTo(
            "this report covers shard 1/3, rows 17 to 32 of 45; bertfit report --merge"
                + " combines the states of all shards into the full report");
    assertThat(report.get("macro avg").get("support").asLong()).isEqualTo(16);
  }

  @Test
  void mergeRefusesIncompleteOrForeignShards() throws IOException {
    EvaluationState first = evaluate(model, ReadOptions.defaults(), summary, new Shard(0, 2));
    assertThatThrownBy(() -> EvaluationState.merge(List.of(first)))
        .hasMessage("the states must be the shards 0/2 to 1/2 once each; got 0/2");
    assertThatThrownBy(() -> EvaluationState.merge(List.of(first, first)))
        .hasMessage("the states must be the shards 0/2 to 1/2 once each; got 0/2, 0/2");

    Path other =
        PredictFixtures.write(dir.resolve("other.txt"), Files.readAllLines(data).subList(0, 40));
    DataSummary otherSummary = DataSummary.scan(other, ReadOptions.defaults(), LABELS, false);
    EvaluationState foreign =
        evaluate(model, ReadOptions.defaults(), otherSummary, new Shard(1, 2));
    assertThatThrownBy(() -> EvaluationState.merge(List.of(first, foreign)))
        .hasMessage(
            "shard 1/2 was evaluated with other data than shard 0/2; merge the shards of"
                + " one evaluation");
  }

  @Test
  void unseenLabelsAreListedBeforeTheModelRuns() throws IOException {
    Path unseen = dir.resolve("unseen.txt");
    Files.write(unseen, List.of("a good day;pos", "a bad day;anger", "so bad;anger", "why;joy"));
    assertThatThrownBy(() -> DataSummary.scan(unseen, ReadOptions.defaults(), LABELS, false))
        .hasMessage(
            unseen
                + ": 2 labels not seen in training: 'anger' (2 times, first at line 2),"
                + " 'joy' (1 time, first at line 4); known: neg, neu, pos");
  }

  @Test
  void skippedRowsLeadTheWarnings() throws IOException {
    Path bad = dir.resolve("bad.txt");
    Files.write(bad, List.of("a good day;pos", "no label here", "a bad day;neg", ";neu"));
    ReadOptions skip = ReadOptions.builder().policy(BadInputPolicy.SKIP).build();
    DataSummary badSummary = DataSummary.scan(bad, skip, LABELS, false);
    assertThat(badSummary.rows()).isEqualTo(2);
    JsonNode report =
        JsonAssert.parse(json(evaluate(model, skip, badSummary, Shard.ALL).report(EVALUATOR)));
    assertThat(report.get("warnings").get(0).get("message").asText())
        .isEqualTo(
            "2 bad rows of "
                + bad
                + " were skipped and not evaluated: 1 empty_text"
                + " (line 4), 1 missing_column (line 2)");
  }

  @Test
  void multiLabelCountsUseTheModelsThresholds() {
    List<String> labels = List.of("arts", "sales", "tech");
    ModelFiles multi =
        ModelFiles.open(
            PredictFixtures.model(
                dir.resolve("multi"), Task.MULTI_LABEL, labels, 9));
    List<String> lines = new ArrayList<>();
    List<int[]> truthRows = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(5);
    for (String text : texts) {
      int[] row = IntStream.range(0, labels.size()).map(c -> random.nextInt(2)).toArray();
      truthRows.add(row);
      lines.add(
          "{\"text\": \""
              + text
              + "\", \"label\": ["
              + String.join(
                  ", ",
                  IntStream.range(0, row.length)
                      .filter(c -> row[c] == 1)
                      .mapToObj(c -> "\"" + labels.get(c) + "\"")
                      .toList())
              + "]}");
    }
    Path jsonl = PredictFixtures.write(dir.resolve("multi.jsonl"), lines);
    ReadOptions options = ReadOptions.builder().multiLabel(true).build();
    DataSummary multiSummary = DataSummary.scan(jsonl, options, labels, false);

    List<float[]> reference = PredictFixtures.reference(multi, texts, 32);
    MultiLabelConfusion counts = new MultiLabelConfusion(labels.size());
    ScoreBuffer scores = ScoreBuffer.multiLabel(labels.size());
    for (int i = 0; i < texts.size(); i++) {
      float[] p = reference.get(i);
      int[] predicted = IntStream.range(0, p.length).map(c -> p[c] >= 0.5 ? 1 : 0).toArray();
      counts.update(truthRows.get(i), predicted);
      scores.add(truthRows.get(i), IntStream.range(0, p.length).mapToDouble(c -> p[c]).toArray());
    }
    EvaluationReport expected =
        EVALUATOR
            .multiLabel(LabelSet.of(labels), counts, scores)
            .withThresholds(multi.thresholds());

    EvaluationReport actual = evaluate(multi, options, multiSummary, Shard.ALL).report(EVALUATOR);
    JsonAssert.closeTo(JsonAssert.parse(json(actual)), JsonAssert.parse(json(expected)), 1e-6);
    assertThat(JsonAssert.parse(json(actual)).get("thresholds").toString())
        .isEqualTo("{\"arts\":0.5,\"sales\":0.5,\"tech\":0.5}");
  }
}

package org.bertfit.cli;

import org.bertfit.models.testing.TinySavedModels;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bertfit.datasets.Task;
import org.bertfit.evaluation.ReportOptions;
import org.bertfit.evaluation.ner.EntityCounts;
import org.bertfit.evaluation.ner.EntityReport;
import org.bertfit.evaluation.report.TextReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Token classification end to end on the CoNLL-2003 sample (11 sentences, 264 words; see the
 * samples' README) with a tiny pretrained BERT: train, evaluate, predict, report and export.
 */
class NerCommandsTest {
  private static final Path SAMPLE =
      Path.of("../datasets/src/test/resources/samples/conll2003/train-sample.txt");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static Path model;
  static CliRun training;

  @BeforeAll
  static void train() {
    Path pretrained = TinySavedModels.export(dir.resolve("pretrained"), TinySavedModels.CONFIG, 3,
        TinySavedModels.writeVocab(dir.resolve("vocab.txt")), false);
    model = dir.resolve("ner");
    training = CliRun.of("train", "--task", "token-classification", "--pretrained",
        pretrained.toString(), "--train", SAMPLE.toString(), "--validation", SAMPLE.toString(),
        "--epochs", "2", "--batch-size", "4", "--lr", "1e-3", "--max-length", "64",
        "--metric", "f1_micro", "--out", model.toString(), "--run-dir", dir.resolve("run").toString());
    assertThat(training.exitCode()).as(training.err()).isZero();
  }

  private static CliRun run(String... args) {
    CliRun run = CliRun.of(args);
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run;
  }

  @Test
  void trainingReportsEntitiesOnValidation() throws Exception {
    // the tiny vocabulary spells most words in letters: long sentences are cut at 64 tokens
    assertThat(training.out())
        .containsPattern("train: 11 sentences \\(\\d+ truncated to 64 tokens, \\d+\\.\\d\\d% of tokens \\[UNK\\]\\), 8 labels: B-LOC,"
            + " B-MISC, B-ORG, B-PER, I-MISC, I-ORG, I-PER, O")
        .containsPattern("eval step 6: loss \\S+ accuracy \\S+ precision_micro \\S+ recall_micro \\S+"
            + " f1_micro ")
        .containsPattern("(?s)validation report \\(.*train-sample.txt, entity level\\):\n"
            + ".*precision +recall +f1-score +support.*micro avg.*weighted avg.*\n"
            + "token accuracy 0\\.\\d{4} \\(264 tokens, 11 sentences\\)");
    JsonNode report = JSON.readTree(model.resolve("validation_report.json").toFile());
    List<String> keys = new ArrayList<>();
    report.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).endsWith("micro avg", "macro avg", "weighted avg", "token_accuracy");
    assertThat(report.get("micro avg").fieldNames()).toIterable()
        .containsExactly("precision", "recall", "f1-score", "support");
  }

  /**
   * {@code evaluate} (streamed), the report at the end of training (in-memory batches) and
   * {@code report} on the conlleval file of {@code predict} give the same entity-level report.
   */
  @Test
  void evaluateTrainingAndConllevalsInputAgree() throws Exception {
    JsonNode trained = JSON.readTree(model.resolve("validation_report.json").toFile());
    CliRun evaluated = run("evaluate", "--task", "token-classification", "--model",
        model.toString(), "--data", SAMPLE.toString(), "--format", "json");
    assertThat(JSON.readTree(evaluated.out())).isEqualTo(trained);

    Path conll = dir.resolve("predicted.conll");
    run("predict", "--model", model.toString(), "--input", SAMPLE.toString(), "--input-format",
        "conll", "--format", "conll", "--out", conll.toString());
    List<String> lines = Files.readAllLines(conll);
    assertThat(lines).filteredOn(String::isEmpty).hasSize(11);
    assertThat(lines).filteredOn(l -> !l.isEmpty()).hasSize(264)
        .allMatch(l -> l.split(" ").length == 3);
    assertThat(lines.subList(0, 2)).allMatch(l -> l.startsWith("EU B-ORG ") || l.startsWith("rejects O "));

    CliRun reported = run("report", "--conll", conll.toString(), "--format", "json");
    assertThat(JSON.readTree(reported.out())).isEqualTo(trained);
  }

  /** A random head tags many words as entities (the trained tiny model says O everywhere). */
  @Test
  void predictWritesTheEntitiesOfEachSentence() throws Exception {
    Path random = TinySavedModels.modelDirectory(dir.resolve("random"),
        TinySavedModels.CONFIG.toBuilder().problemType(Task.TOKEN_CLASSIFICATION)
            .labels(List.of("O", "B-LOC", "B-MISC", "B-ORG", "B-PER", "I-MISC", "I-ORG", "I-PER"))
            .build(), 4);
    Path out = dir.resolve("entities.jsonl");
    CliRun run = run("predict", "--model", random.toString(), "--input", SAMPLE.toString(),
        "--out", out.toString());
    assertThat(run.err()).containsPattern("predict: 11 texts in .*; \\d+ truncated");
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(11);
    int entities = 0;
    for (String line : lines) {
      JsonNode p = JSON.readTree(line);
      assertThat(p.fieldNames()).toIterable().containsExactly("text", "entities");
      String text = p.get("text").asText();
      for (JsonNode e : p.get("entities")) {
        entities++;
        assertThat(e.fieldNames()).toIterable()
            .containsExactly("entity_group", "score", "word", "start", "end");
        assertThat(e.get("word").asText())
            .isEqualTo(text.substring(e.get("start").asInt(), e.get("end").asInt()));
        assertThat(e.get("entity_group").asText()).isIn("LOC", "MISC", "ORG", "PER");
        assertThat(e.get("score").asDouble()).isBetween(0.0, 1.0);
      }
    }
    assertThat(lines.get(0)).startsWith("{\"text\":\"EU rejects German call to boycott British lamb .\"");
    assertThat(entities).isPositive();
  }

  /** The fixture of EntityCountsTest, where the report's figures are worked by hand. */
  @Test
  void reportScoresTagFilesOfOneSentenceALine() throws Exception {
    List<String> gold = List.of("B-PER I-PER O B-LOC", "O B-ORG I-ORG O", "B-LOC I-LOC O", "B-PER O");
    List<String> tagged = List.of("B-PER O O B-LOC", "O I-ORG I-ORG O", "B-ORG I-ORG O", "I-PER I-LOC");
    Path truth = Files.write(dir.resolve("y_true.txt"), gold);
    Path predicted = Files.write(dir.resolve("y_pred.txt"), tagged);
    CliRun run = run("report", "--task", "token-classification", "--y-true", truth.toString(),
        "--y-pred", predicted.toString());
    EntityCounts counts = new EntityCounts();
    for (int i = 0; i < gold.size(); i++) {
      counts.update(List.of(gold.get(i).split(" ")), List.of(tagged.get(i).split(" ")));
    }
    assertThat(run.out())
        .isEqualTo(TextReport.format(EntityReport.of(counts, ReportOptions.defaults())))
        .contains("   micro avg       0.50      0.60      0.55         5");
    Path short1 = Files.write(dir.resolve("y_short.txt"),
        List.of("B-PER O O B-LOC", "O I-ORG O", "B-ORG I-ORG O", "I-PER I-LOC"));
    CliRun bad = CliRun.of("report", "--task", "token-classification", "--y-true",
        truth.toString(), "--y-pred", short1.toString());
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.err()).contains(short1 + " line 2: 3 tags but " + truth + " has 4");
  }

  @Test
  void exportServesPerTokenLogitsAndProbabilities() {
    CliRun run = run("export", "--model", model.toString(), "--out", dir.resolve("served").toString());
    assertThat(run.out())
        .containsPattern("signature serving_default .*\n(.*\n){3}"
            + "  output logits +float +\\[-1, -1, 8\\] .*\n"
            + "  output probabilities +float +\\[-1, -1, 8\\]")
        .containsPattern("  output labels +int32 +\\[-1, -1\\] ");
  }

  @Test
  void aTaskThatIsNotTheModelsIsAnError() {
    CliRun run = CliRun.of("predict", "--task", "text-classification", "--model",
        model.toString(), "--input", SAMPLE.toString(), "--out", dir.resolve("x.jsonl").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains(
        "--task text-classification, but the model " + model + " is token-classification");
  }
}

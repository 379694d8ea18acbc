package org.bertfit.training.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bertfit.datasets.Dataset;
import org.bertfit.datasets.Task;
import org.bertfit.datasets.tokenize.BertTokenizer;
import org.bertfit.evaluation.Average;
import org.bertfit.evaluation.EvaluationReport;
import org.bertfit.evaluation.Thresholds;
import org.bertfit.models.export.ExportedModel;
import org.bertfit.models.graph.InferenceModel;
import org.bertfit.models.export.ModelFiles;
import org.bertfit.training.History;
import org.bertfit.training.SyntheticData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text classifier on a tiny pretrained BERT: it learns the synthetic keyword task from files,
 * its report agrees with its own predictions counted by hand, and its predictions are those of the
 * exported SavedModel's graph run one text at a time.
 */
class TextClassifierTest {
  private static final List<String> LABELS = SyntheticData.KEYWORDS.subList(0, 3);

  @TempDir Path dir;

  @Test
  void learnsFromFilesReportsPredictsAndExports() {
    String pretrained = TaskFiles.pretrained(dir, SyntheticData.config(Task.SINGLE_LABEL, 3));
    Path train = TaskFiles.semicolon(dir.resolve("train.txt"), SyntheticData.singleLabel(600, 3, 1));
    Path validation = TaskFiles.semicolon(dir.resolve("validation.txt"), SyntheticData.singleLabel(60, 3, 2));
    Dataset test = SyntheticData.singleLabel(100, 3, 3);
    try (TextClassifier classifier = TextClassifier.fromPretrained(pretrained, LABELS, TaskFiles.options(6, 1e-3).build())) {
      History history = classifier.fit(train, validation);
      assertThat(history.values("eval_loss")).hasSize(6);

      EvaluationReport report = classifier.evaluate(TaskFiles.semicolon(dir.resolve("test.txt"), test));
      List<TextPrediction> predictions = classifier.predict(test.texts());
      int correct = 0;
      for (int i = 0; i < test.size(); i++) {
        correct += predictions.get(i).label().equals(test.get(i).labels().get(0)) ? 1 : 0;
      }
      assertThat(report.classification().accuracy()).hasValue(correct / 100.0);
      assertThat(correct).isGreaterThanOrEqualTo(90);
      assertThat(report.classification().average(Average.MACRO).orElseThrow().support()).isEqualTo(100);

      ExportedModel first = classifier.export(dir.resolve("saved_models/keywords"));
      ExportedModel second = classifier.export(dir.resolve("saved_models/keywords"));
      assertThat(List.of(first.version(), second.version())).containsExactly(1L, 2L);
      List<String> texts = test.texts().subList(0, 8);
      List<float[]> reference = alone(ModelFiles.open(second.dir()), texts);
      for (int i = 0; i < texts.size(); i++) {
        float[] expected = reference.get(i);
        List<Float> scores = new ArrayList<>(predictions.get(i).scores().values());
        for (int c = 0; c < LABELS.size(); c++) {
          assertThat(scores.get(c)).isCloseTo(expected[c], within(1e-5f));
        }
        assertThat(predictions.get(i).labels()).containsExactly(LABELS.get(argmax(expected)));
      }
    }
  }

  @Test
  void listsOfTextsTrainWithoutValidation() {
    String pretrained = TaskFiles.pretrained(dir, SyntheticData.config(Task.SINGLE_LABEL, 3));
    Dataset train = SyntheticData.singleLabel(200, 3, 4);
    List<String> labels = train.examples().stream().map(e -> e.labels().get(0)).toList();
    try (TextClassifier classifier = TextClassifier.fromPretrained(pretrained, LABELS, TaskFiles.options(1, 1e-3).build())) {
      float[] before = classifier.model().weights().get("classifier/kernel");
      History history = classifier.fit(train.texts(), labels);
      assertThat(history.values("eval_loss")).isEmpty();
      assertThat(classifier.model().weights().get("classifier/kernel")).isNotEqualTo(before);
      assertThatThrownBy(() -> classifier.fit(train.texts(), labels.subList(0, 5)))
          .hasMessage("texts (200) and labels (5) must have the same size");
      assertThatThrownBy(() -> classifier.evaluate(List.of("good day"), List.of("joy")))
          .hasMessageContaining("joy");
    }
  }

  @Test
  void multiLabelPredictsEveryLabelAtTheThresholdAndSavesIt() throws Exception {
    String pretrained = TaskFiles.pretrained(dir, SyntheticData.config(Task.MULTI_LABEL, 4));
    TaskOptions.Builder builder = TaskFiles.options(8, 2e-3).multiLabel(true);
    TaskOptions options = builder.fit(builder.build().fit().toBuilder().threshold(0.3).build()).build();
    try (TextClassifier classifier = TextClassifier.fromPretrained(pretrained, SyntheticData.KEYWORDS, options)) {
      classifier.fit(SyntheticData.multiLabel(1000, 1), null);
      Dataset test = SyntheticData.multiLabel(50, 3);
      List<TextPrediction> predictions = classifier.predict(test.texts());
      int exact = 0;
      for (int i = 0; i < test.size(); i++) {
        TextPrediction p = predictions.get(i);
        List<String> expected = SyntheticData.KEYWORDS.stream().filter(k -> p.scores().get(k) >= 0.3f).toList();
        assertThat(p.labels()).isEqualTo(expected);
        exact += expected.equals(test.get(i).labels()) ? 1 : 0;
      }
      EvaluationReport report = classifier.evaluate(test);
      assertThat(report.figure("subset_accuracy").orElseThrow().value()).isEqualTo(exact / 50.0);
      assertThat(exact).isGreaterThanOrEqualTo(40);
      Path saved = classifier.save(dir.resolve("model")).dir();
      assertThat(Thresholds.load(saved.resolve("thresholds.json")).values()).containsExactly(0.3, 0.3, 0.3, 0.3);
    }
  }

  /** Each text run alone, unpadded, through a fresh graph with the exported weights. */
  private static List<float[]> alone(ModelFiles files, List<String> texts) {
    List<float[]> out = new ArrayList<>();
    try (InferenceModel model = InferenceModel.create(files.config());
        BertTokenizer tokenizer = BertTokenizer.fromJson(files.tokenizerJson(), 32)) {
      model.load(files.checkpoint(), 0);
      for (String text : texts) {
        out.add(model.run(tokenizer.encodeBatch(List.of(text), tokenizer.encode(text).length())).probabilities());
      }
    }
    return out;
  }

  private static int argmax(float[] row) {
    int best = 0;
    for (int c = 1; c < row.length; c++) {
      best = row[c] > row[best] ? c : best;
    }
    return best;
  }
}

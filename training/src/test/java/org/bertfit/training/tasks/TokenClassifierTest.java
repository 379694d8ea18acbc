package org.bertfit.training.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.bertfit.datasets.Task;
import org.bertfit.evaluation.Average;
import org.bertfit.evaluation.ner.EntityReport;
import org.bertfit.evaluation.ner.PredictedEntity;
import org.bertfit.training.SyntheticData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The token classifier on a tiny pretrained BERT: tags from the training file, CoNLL files in,
 * entity report and entities out.
 */
class TokenClassifierTest {
  @TempDir Path dir;

  @Test
  void learnsEntitiesFromConllFilesAndFindsThemInPlainText() {
    String pretrained = TaskFiles.pretrained(dir, SyntheticData.config(Task.TOKEN_CLASSIFICATION, 4));
    Path train = TaskFiles.conll(dir.resolve("train.conll"), SyntheticData.tagged(300, 1));
    Path test = TaskFiles.conll(dir.resolve("test.conll"), SyntheticData.tagged(100, 2));
    try (TokenClassifier tagger = TokenClassifier.fromPretrained(pretrained, null, TaskFiles.options(3, 2e-3).build())) {
      assertThatThrownBy(() -> tagger.evaluate(test))
          .hasMessage("the labels are not known yet: fit first, or give them to fromPretrained");
      tagger.fit(train, test);
      assertThat(tagger.model().config().labels()).containsExactly("B-DAY", "B-GOOD", "I-DAY", "O");
      EntityReport report = tagger.evaluate(test);
      assertThat(report.sentences()).isEqualTo(100);
      assertThat(report.entities().average(Average.MICRO).orElseThrow().support()).isEqualTo(200);
      assertThat(report.entities().average(Average.MICRO).orElseThrow().f1()).isGreaterThanOrEqualTo(0.95);

      String text = "it was good, the one day of his.";
      List<List<PredictedEntity>> entities = tagger.predict(List.of(text, "the of and"));
      assertThat(entities.get(0)).extracting(PredictedEntity::type, PredictedEntity::text, PredictedEntity::start)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("GOOD", "good", text.indexOf("good")),
              org.assertj.core.groups.Tuple.tuple("DAY", "one day", text.indexOf("one day")));
      assertThat(entities.get(1)).isEmpty();
    }
  }
}

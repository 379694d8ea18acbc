package org.bertfit.inference;

import org.bertfit.models.testing.TinySavedModels;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.bertfit.datasets.io.DatasetReader;
import org.bertfit.datasets.io.ExampleStream;
import org.bertfit.datasets.io.ReadOptions;
import org.bertfit.models.export.ModelFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model whose weights blew up outputs NaN: predicting names the text instead of guessing. */
class NonFiniteOutputTest {
  @TempDir Path dir;

  @Test
  void nanProbabilitiesAreAnErrorNamingTheText() {
    Path model =
        TinySavedModels.divergedModelDirectory(
            dir.resolve("diverged"),
            TinySavedModels.CONFIG.toBuilder().labels(List.of("neg", "pos")).build(),
            3);
    Path input = PredictFixtures.write(dir.resolve("texts.txt"), List.of("a good day", "the bad time"));
    try (Classifier classifier = Classifier.open(ModelFiles.open(model), 16);
        ExampleStream examples =
            DatasetReader.open(input, ReadOptions.builder().unlabelled().build());
        PredictionStream predictions = new Predictor(classifier, 4, 1).predict(examples)) {
      assertThatThrownBy(predictions::next)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("the model outputs NaN for the text of line ")
          .hasMessageContaining("weights are not finite");
    }
  }
}

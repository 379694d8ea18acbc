package org.bertfit.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bertfit.datasets.EncodedDataset;
import org.bertfit.datasets.Task;
import org.bertfit.models.BertConfig;
import org.bertfit.training.metrics.Metric;
import org.bertfit.training.optimizers.Optimizer;
import org.bertfit.training.tasks.TaskDefaults;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A learning rate of 1e30 breaks the weights in one update; the loss of that step was computed
 * before the update, so only a forward pass with the new weights shows it.
 */
class DivergenceTest {
  @TempDir Path dir;
  private String tokenizer;
  private BertConfig config;
  private EncodedDataset train;

  @BeforeEach
  void data() {
    tokenizer = SyntheticData.tokenizerJson(dir);
    config = SyntheticData.config(Task.SINGLE_LABEL, 3);
    train = SyntheticData.encode(SyntheticData.singleLabel(32, 3, 11), tokenizer, config.labels());
  }

  private Model model() {
    Model model = Model.create(config, tokenizer, 5);
    model.compile(Optimizer.adamW(), TaskDefaults.loss(config.problemType()), List.of(Metric.accuracy()));
    return model;
  }

  private static FitConfig.Builder fit() {
    return FitConfig.builder().batchSize(8).loggingSteps(1).evalStrategy(Strategy.NO);
  }

  @ParameterizedTest(name = "gradient accumulation {0}")
  @ValueSource(ints = {1, 2})
  void anUpdateThatBreaksTheWeightsOnTheLastStepFailsTheRun(int accumulation) {
    try (Model model = model()) {
      FitConfig run = fit().learningRate(1e30).maxSteps(1).gradientAccumulationSteps(accumulation).build();
      assertThatThrownBy(() -> model.fit(train, null, run))
          .isInstanceOf(TrainingDivergedException.class)
          .hasMessageContaining("is NaN at step 1")
          .hasMessageContaining("at the end of training");
    }
  }

  @Test
  void aRunThatDivergesAfterResumingKeepsTheLastGoodCheckpoint() throws Exception {
    Path out = dir.resolve("run");
    try (Model model = model()) {
      model.fit(train, null, fit().learningRate(1e-3).maxSteps(2)
          .saveStrategy(Strategy.STEPS).saveSteps(1).outputDir(out).build());
    }
    Path good = out.resolve("checkpoint-2");
    byte[] weights = Files.readAllBytes(good.resolve("variables/variables.data-00000-of-00001"));
    try (Model model = Model.load(good)) {
      model.compile(Optimizer.adamW(), TaskDefaults.loss(config.problemType()), List.of(Metric.accuracy()));
      FitConfig diverging = fit().learningRate(1e30).maxSteps(4)
          .saveStrategy(Strategy.STEPS).saveSteps(1).outputDir(out).build();
      assertThatThrownBy(() -> model.fit(train, null, diverging, good))
          .isInstanceOf(TrainingDivergedException.class)
          .hasMessageContaining("at step 3")
          .hasMessageContaining("before saving a checkpoint");
    }
    try (Stream<Path> children = Files.list(out)) {
      assertThat(children.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("checkpoint-1", "checkpoint-2");
    }
    assertThat(Files.readAllBytes(good.resolve("variables/variables.data-00000-of-00001")))
        .isEqualTo(weights);
    try (Model model = Model.load(good)) {
      for (float[] row : model.predict(train, 8).probabilities()) {
        for (float p : row) {
          assertThat(p).isBetween(0f, 1f);
        }
      }
    }
  }
}

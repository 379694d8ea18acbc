package org.bertfit.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bertfit.datasets.EncodedDataset;
import org.bertfit.datasets.Task;
import org.bertfit.models.BertConfig;
import org.bertfit.models.checkpoint.Checkpoint;
import org.bertfit.training.callbacks.EarlyStopping;
import org.bertfit.training.metrics.Metric;
import org.bertfit.training.optimizers.Optimizer;
import org.bertfit.training.tasks.TaskDefaults;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingBehaviourTest {
  @TempDir Path dir;
  private String tokenizer;
  private BertConfig config;
  private EncodedDataset train;
  private EncodedDataset validation;

  @BeforeEach
  void data() {
    tokenizer = SyntheticData.tokenizerJson(dir);
    config = SyntheticData.config(Task.SINGLE_LABEL, 3);
    train = SyntheticData.encode(SyntheticData.singleLabel(64, 3, 11), tokenizer, config.labels());
    validation = SyntheticData.encode(SyntheticData.singleLabel(32, 3, 12), tokenizer, config.labels());
  }

  private Model model(BertConfig c) {
    Model model = Model.create(c, tokenizer, 5);
    model.compile(Optimizer.adamW(), TaskDefaults.loss(c.problemType()), List.of(Metric.accuracy()));
    return model;
  }

  private static FitConfig.Builder fit() {
    return FitConfig.builder().batchSize(16).learningRate(1e-3).loggingSteps(1).evalStrategy(Strategy.NO);
  }

  private static double maxDifference(Map<String, float[]> a, Map<String, float[]> b) {
    double max = 0;
    for (String name : a.keySet()) {
      float[] x = a.get(name);
      float[] y = b.get(name);
      for (int i = 0; i < x.length; i++) {
        max = Math.max(max, Math.abs(x[i] - y[i]));
      }
    }
    return max;
  }

  @Test
  void gradientAccumulationOfTwoBatchesOfEightEqualsOneOfSixteen() {
    Map<String, float[]> sixteen;
    Map<String, float[]> twoByEight;
    try (Model model = model(config)) {
      model.fit(train, null, fit().batchSize(16).maxSteps(3).build());
      sixteen = model.weights();
    }
    try (Model model = model(config)) {
      model.fit(train, null, fit().batchSize(8).gradientAccumulationSteps(2).maxSteps(3).build());
      twoByEight = model.weights();
    }
    try (Model model = model(config)) {
      assertThat(maxDifference(model.weights(), sixteen)).as("training changed the weights").isGreaterThan(1e-3);
    }
    assertThat(maxDifference(sixteen, twoByEight)).isLessThanOrEqualTo(1e-5);
  }

  @Test
  void frozenEncoderKeepsEveryEncoderWeightBitForBit() {
    try (Model model = model(config)) {
      Map<String, float[]> before = model.weights();
      model.fit(train, null, fit().epochs(1).freezeEncoder(true).build());
      Map<String, float[]> after = model.weights();
      for (String name : before.keySet()) {
        if (name.startsWith("bert/")) {
          assertThat(after.get(name)).as(name).isEqualTo(before.get(name));
        }
      }
      assertThat(after.get("classifier/kernel")).isNotEqualTo(before.get("classifier/kernel"));
    }
  }

  @Test
  void aSecondFitCanUnfreezeTheEncoder() {
    try (Model model = model(config)) {
      model.fit(train, null, fit().epochs(1).freezeEncoder(true).build());
      Map<String, float[]> headOnly = model.weights();
      model.fit(train, null, fit().epochs(1).build());
      assertThat(model.weights().get("bert/encoder/layer_0/attention/self/query/kernel"))
          .isNotEqualTo(headOnly.get("bert/encoder/layer_0/attention/self/query/kernel"));
    }
  }

  @Test
  void savesOnlyWhenValidationImproves() throws Exception {
    try (Model model = model(config)) {
      History history = model.fit(train, validation, fit().epochs(4).evalStrategy(Strategy.EPOCH)
          .saveStrategy(Strategy.BEST).metricForBestModel("accuracy").outputDir(dir.resolve("b")).build());
      List<Double> accuracy = history.values("eval_accuracy");
      List<String> expected = new java.util.ArrayList<>();
      double best = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < accuracy.size(); i++) {
        if (accuracy.get(i) > best) {
          best = accuracy.get(i);
          expected.add("checkpoint-" + 4 * (i + 1));
        }
      }
      try (var files = Files.list(dir.resolve("b"))) {
        assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(expected);
      }
    }
  }

  @Test
  void sameSeedSameLossCurve() {
    BertConfig withDropout = config.toBuilder().hiddenDropoutProb(0.1).attentionProbsDropoutProb(0.1).build();
    List<Double> first;
    List<Double> second;
    try (Model model = model(withDropout)) {
      first = model.fit(train, null, fit().epochs(2).build()).values("loss");
    }
    try (Model model = model(withDropout)) {
      second = model.fit(train, null, fit().epochs(2).build()).values("loss");
    }
    assertThat(first).hasSize(8);
    for (int i = 0; i < first.size(); i++) {
      assertThat(second.get(i)).isCloseTo(first.get(i), within(1e-6));
    }
  }

  @Test
  void resumingFromACheckpointEndsWithTheSameWeights() {
    BertConfig withDropout = config.toBuilder().hiddenDropoutProb(0.1).attentionProbsDropoutProb(0.1).build();
    FitConfig run = fit().epochs(3).saveStrategy(Strategy.STEPS).saveSteps(5).outputDir(dir.resolve("run")).build();
    Map<String, float[]> uninterrupted;
    try (Model model = model(withDropout)) {
      model.fit(train, null, run);
      uninterrupted = model.weights();
    }
    Path checkpoint = dir.resolve("run").resolve("checkpoint-5");
    assertThat(checkpoint.resolve("trainer_state.json")).exists();
    try (Model model = Model.load(checkpoint)) {
      model.compile(Optimizer.adamW(), TaskDefaults.loss(withDropout.problemType()), List.of(Metric.accuracy()));
      History resumed = model.fit(train, null, run.toBuilder().outputDir(dir.resolve("resumed")).build(), checkpoint);
      assertThat(resumed.entries().get(resumed.entries().size() - 1).step()).isEqualTo(12);
      assertThat(maxDifference(model.weights(), uninterrupted)).isLessThanOrEqualTo(1e-6);
    }
  }

  @Test
  void keepsOnlyTheLastCheckpoints() throws Exception {
    try (Model model = model(config)) {
      model.fit(train, null, fit().epochs(2).saveStrategy(Strategy.STEPS).saveSteps(2).saveTotalLimit(2)
          .outputDir(dir.resolve("out")).build());
    }
    try (var files = Files.list(dir.resolve("out"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("checkpoint-6", "checkpoint-8");
    }
  }

  @Test
  void evaluationsEverySoManyStepsAlsoEvaluateTheFinalWeights() {
    try (Model model = model(config)) {
      // 2 epochs of 4 steps, an evaluation every 3: at 3, 6, and at 8, where training ends.
      History history = model.fit(train, validation, fit().epochs(2).evalStrategy(Strategy.STEPS).evalSteps(3).build());
      List<LogEntry> evals = history.entries().stream().filter(e -> e.kind().equals("eval")).toList();
      assertThat(evals).extracting(LogEntry::step).containsExactly(3L, 6L, 8L);
      assertThat(history.last("train").orElseThrow().step()).isEqualTo(8);
      assertThat(evals.get(2).values().get("eval_loss"))
          .isCloseTo(model.evaluate(validation, 32, 0.5).metrics().get("loss"), within(1e-5));
    }
  }

  @Test
  void earlyStoppingStopsAfterPatienceEvaluationsWithoutImprovement() {
    try (Model model = model(config)) {
      History history =
          model.fit(train, validation, fit().epochs(10).evalStrategy(Strategy.EPOCH).build(),
              new EarlyStopping("eval_loss", 2, 10.0, false));
      // The first evaluation sets the best; no later one improves by 10: stop after 1 + 2 evaluations.
      assertThat(history.values("eval_loss")).hasSize(3);
      assertThat(history.last("train").orElseThrow().step()).isEqualTo(12);
    }
  }

  @Test
  void aRunResumedAfterItRanOutOfPatienceStaysStopped() {
    FitConfig run = fit().epochs(5).evalStrategy(Strategy.EPOCH).saveStrategy(Strategy.EPOCH)
        .outputDir(dir.resolve("patience")).build();
    try (Model model = model(config)) {
      History history = model.fit(train, validation, run, new EarlyStopping("eval_loss", 1, 10.0, false));
      assertThat(history.last("train").orElseThrow().step()).isEqualTo(8);
    }
    Path checkpoint = dir.resolve("patience/checkpoint-8");
    try (Model model = Model.load(checkpoint)) {
      model.compile(Optimizer.adamW(), TaskDefaults.loss(config.problemType()), List.of(Metric.accuracy()));
      Map<String, float[]> saved = model.weights();
      History resumed = model.fit(train, validation, run.toBuilder().outputDir(dir.resolve("again")).build(),
          checkpoint, new EarlyStopping("eval_loss", 1, 10.0, false));
      assertThat(resumed.last("train").orElseThrow().step()).isEqualTo(8);
      assertThat(maxDifference(model.weights(), saved)).isZero();
    }
  }

  @Test
  void loadBestModelAtEndRestoresTheBestEvaluatedWeights() {
    FitConfig best = fit().epochs(3).evalStrategy(Strategy.EPOCH).saveStrategy(Strategy.EPOCH)
        .outputDir(dir.resolve("best")).loadBestModelAtEnd(true).metricForBestModel("loss").build();
    try (Model model = model(config)) {
      History history = model.fit(train, validation, best);
      List<Double> losses = history.values("eval_loss");
      int bestIndex = losses.indexOf(losses.stream().min(Double::compare).orElseThrow());
      // With this seed the validation loss is lowest before the last epoch, so restoring matters.
      assertThat(bestIndex).isLessThan(losses.size() - 1);
      long bestStep = 4L * (bestIndex + 1);
      Checkpoint bestCheckpoint = Checkpoint.open(dir.resolve("best/checkpoint-" + bestStep + "/variables/variables"));
      Checkpoint last = Checkpoint.open(dir.resolve("best/checkpoint-12/variables/variables"));
      Map<String, float[]> weights = model.weights();
      assertThat(weights.get("classifier/kernel")).isNotEqualTo(last.readFloats("classifier/kernel"));
      for (String name : weights.keySet()) {
        assertThat(weights.get(name)).as(name).isEqualTo(bestCheckpoint.readFloats(name));
      }
    }
  }

  @Test
  void aResumedRunStillEndsWithTheBestWeights() {
    FitConfig run = fit().epochs(3).evalStrategy(Strategy.EPOCH).saveStrategy(Strategy.EPOCH)
        .outputDir(dir.resolve("first")).loadBestModelAtEnd(true).metricForBestModel("loss").build();
    Map<String, float[]> uninterrupted;
    try (Model model = model(config)) {
      model.fit(train, validation, run);
      uninterrupted = model.weights();
    }
    Path checkpoint = dir.resolve("first/checkpoint-8");
    try (Model model = Model.load(checkpoint)) {
      model.compile(Optimizer.adamW(), TaskDefaults.loss(config.problemType()), List.of(Metric.accuracy()));
      model.fit(train, validation, run.toBuilder().outputDir(dir.resolve("second")).build(), checkpoint);
      assertThat(maxDifference(model.weights(), uninterrupted)).isLessThanOrEqualTo(1e-6);
    }
  }

  @Test
  void nonFiniteLossStopsWithTheStepNamedAndTheLastCheckpointIntact() throws Exception {
    try (Model model = Model.create(config, tokenizer, 5)) {
      model.compile(Optimizer.sgd(0), TaskDefaults.loss(config.problemType()), List.of());
      FitConfig explosive = fit().epochs(5).learningRate(1e30).maxGradNorm(0).saveStrategy(Strategy.STEPS)
          .saveSteps(1).outputDir(dir.resolve("nan")).build();
      assertThatThrownBy(() -> model.fit(train, null, explosive))
          .isInstanceOf(TrainingDivergedException.class)
          .hasMessageMatching("(?s)(the training loss|the output of the updated weights).* is"
              + " (NaN|-?Infinity) at step \\d+;.*");
    }
    // The first update breaks the weights: the checkpoint after it (saved before) is never written.
    assertThat(dir.resolve("nan")).doesNotExist();
  }
}

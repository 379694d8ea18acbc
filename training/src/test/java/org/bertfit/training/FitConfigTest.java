package org.bertfit.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bertfit.training.optimizers.LearningRateSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitConfigTest {
  @TempDir Path dir;

  @Test
  void readsHuggingFaceTrainingArgumentsFromJson() throws IOException {
    Path json = Files.writeString(dir.resolve("fit.json"), """
        {"num_train_epochs": 4, "per_device_train_batch_size": 32, "learning_rate": 2e-5,
         "warmup_ratio": 0.06, "weight_decay": 0.01, "lr_scheduler_type": "cosine",
         "evaluation_strategy": "steps", "eval_steps": 100, "save_strategy": "best",
         "load_best_model_at_end": true, "metric_for_best_model": "f1_macro", "seed": 7}
        """);
    FitConfig c = FitConfig.read(json);
    assertThat(c.epochs()).isEqualTo(4);
    assertThat(c.batchSize()).isEqualTo(32);
    assertThat(c.learningRate()).isEqualTo(2e-5);
    assertThat(c.schedule()).isEqualTo(LearningRateSchedule.Kind.COSINE);
    assertThat(c.evalStrategy()).isEqualTo(Strategy.STEPS);
    assertThat(c.saveStrategy()).isEqualTo(Strategy.BEST);
    assertThat(c.higherIsBetter()).isTrue();
    assertThat(c.warmupFor(1000)).isEqualTo(60);
    assertThat(c.maxGradNorm()).isEqualTo(1.0); // Hugging Face's default where the file is silent
  }

  @Test
  void readsYaml() throws IOException {
    Path yaml = Files.writeString(dir.resolve("fit.yaml"), """
        num_train_epochs: 2
        gradient_accumulation_steps: 4
        early_stopping_patience: 3
        early_stopping_threshold: 0.001
        """);
    FitConfig c = FitConfig.read(yaml);
    assertThat(c.epochs()).isEqualTo(2);
    assertThat(c.gradientAccumulationSteps()).isEqualTo(4);
    assertThat(c.earlyStoppingPatience()).isEqualTo(3);
    assertThat(c.higherIsBetter()).isFalse(); // metric_for_best_model defaults to loss
  }

  @Test
  void errorsNameTheFileAndTheSetting() throws IOException {
    Path typo = Files.writeString(dir.resolve("typo.json"), "{\"learning_rat\": 0.1}");
    assertThatThrownBy(() -> FitConfig.read(typo)).hasMessage(typo + ": unknown setting 'learning_rat'");
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"learning_rate\": -1}");
    assertThatThrownBy(() -> FitConfig.read(bad)).hasMessage(bad + ": learning_rate must be > 0, got -1.0");
    Path best = Files.writeString(dir.resolve("best.json"), "{\"load_best_model_at_end\": true, \"eval_strategy\": \"no\"}");
    assertThatThrownBy(() -> FitConfig.read(best))
        .hasMessage(best + ": load_best_model_at_end needs an eval_strategy other than no");
    FitConfig.Builder resumable = FitConfig.builder().loadBestModelAtEnd(true).saveStrategy(Strategy.STEPS).saveSteps(10);
    assertThatThrownBy(() -> resumable.build())
        .hasMessage("load_best_model_at_end needs a checkpoint at each evaluation (a resumed run takes the best"
            + " weights from it): save_strategy steps with eval_strategy steps and eval_steps a multiple of"
            + " save_steps, epoch with epoch, or save_strategy best; got save_strategy steps (save_steps 10),"
            + " eval_strategy epoch (eval_steps 0)");
    assertThatThrownBy(() -> resumable.evalStrategy(Strategy.STEPS).evalSteps(15).build())
        .hasMessageEndingWith("got save_strategy steps (save_steps 10), eval_strategy steps (eval_steps 15)");
    assertThat(resumable.evalSteps(20).build().evalSteps()).isEqualTo(20);
  }
}

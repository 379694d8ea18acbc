package org.bertfit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.bertfit.models.testing.TinySavedModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
  @TempDir static Path dir;
  static Path savedModel;

  @BeforeAll
  static void export() {
    Path vocabFile = TinySavedModels.writeVocab(dir.resolve("vocab.txt"));
    savedModel = TinySavedModels.export(dir.resolve("saved"), TinySavedModels.CONFIG, 3, vocabFile, false);
  }

  @Test
  void importsAndVerifies(@TempDir Path out) {
    Path model = out.resolve("model");
    CliRun run = CliRun.of("import", "--from", savedModel.toString(), "--to", model.toString(),
        "--labels", "neg,pos", "--verify");
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("loaded 41 variables from " + savedModel.resolve("variables/variables") + " (naming: bertfit)")
        .contains("wrote " + model)
        .containsPattern("verify: pooled_output max_abs_diff=\\S+ sequence_output max_abs_diff=\\S+");
    assertThat(model.resolve("config.json")).content().contains("\"neg\"", "\"pos\"");

    CliRun again = CliRun.of("import", "--from", savedModel.toString(), "--to", model.toString());
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("bertfit import: error: ").contains("exists (use --force to replace it)");

    CliRun inspect = CliRun.of("inspect", model.toString());
    assertThat(inspect.exitCode()).isZero();
    assertThat(inspect.out())
        .contains("encoder: 2 layers, hidden 128, 2 heads, intermediate 256, gelu, vocabulary 120, 64 positions")
        .contains("head: single_label_classification, labels: neg, pos");
  }

  @Test
  void inspectsASavedModel() {
    CliRun run = CliRun.of("inspect", savedModel.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("tags: serve", "signature serving_default (tensorflow/serving/predict)")
        .containsPattern("input +input_ids +int32 +\\[-1, -1\\]")
        .contains("variables: 41", "flagged ops: none");
  }

  @Test
  void badInputIsOneClearLine(@TempDir Path out) {
    CliRun missing = CliRun.of("import", "--from", out.resolve("nothing").toString(), "--to", out.resolve("m").toString());
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err().strip()).isEqualTo("bertfit import: error: " + out.resolve("nothing")
        + " is neither a directory, a file, Maven coordinates group:artifact:version, nor a preset"
        + " (all-minilm-l6-v2, bert-base-cased, bert-base-multilingual-cased, bert-base-uncased)");
    CliRun usage = CliRun.of("import", "--num-labels");
    assertThat(usage.exitCode()).isEqualTo(2);
    assertThat(usage.err()).contains("Missing required parameter for option '--num-labels'");
  }
}

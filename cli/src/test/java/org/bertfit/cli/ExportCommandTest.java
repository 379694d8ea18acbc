package org.bertfit.cli;

import org.bertfit.models.testing.TinyModels;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.bertfit.datasets.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExportCommandTest {
  @TempDir static Path dir;
  static Path model;

  @BeforeAll
  static void writeModel() {
    model =
        TinyModels.write(
                dir.resolve("emotions"),
                TinyModels.config(
                    Task.SINGLE_LABEL, "joy", "sadness", "fear"),
                1)
            .dir();
  }

  @Test
  void exportsVersionsAndInspectShowsBothSignatures(@TempDir Path out) {
    Path base = out.resolve("emotions");
    CliRun first = CliRun.of("export", "--model", model.toString(), "--out", base.toString());
    assertThat(first.err()).isEmpty();
    assertThat(first.exitCode()).isZero();
    assertThat(first.out())
        .containsPattern(
            "wrote "
                + java.util.regex.Pattern.quote(base.resolve("1").toString())
                + " \\(version 1\\) in \\S+ s")
        .contains(
            "tags: serve",
            "signature classify (tensorflow/serving/predict)",
            "signature serving_default (tensorflow/serving/predict)",
            "assets: config.json, tokenizer.json",
            "serve: tensorflow_model_server --model_name=emotions --model_base_path="
                + base.toAbsolutePath())
        .containsPattern("input +input_ids +int32 +\\[-1, -1\\] +input_ids:0")
        .containsPattern("output +labels +int32 +\\[-1\\] ")
        .containsPattern("output +probabilities +float +\\[-1, 3\\] ");

    CliRun second = CliRun.of("export", "--model", model.toString(), "--out", base.toString());
    assertThat(second.out()).contains("wrote " + base.resolve("2") + " (version 2)");

    CliRun exists =
        CliRun.of(
            "export", "--model", model.toString(), "--out", base.toString(), "--version", "1");
    assertThat(exists.exitCode()).isEqualTo(1);
    assertThat(exists.err().strip())
        .isEqualTo(
            "bertfit export: error: cannot write "
                + base.resolve("1")
                + ": "
                + base.resolve("1")
                + " exists (use --force to replace it)");
    CliRun forced =
        CliRun.of(
            "export",
            "--model",
            model.toString(),
            "--out",
            base.toString(),
            "--version",
            "1",
            "--force");
    assertThat(forced.exitCode()).isZero();

    CliRun inspect = CliRun.of("inspect", base.resolve("1").toString());
    assertThat(inspect.exitCode()).isZero();
    assertThat(inspect.out())
        .contains(
            "signature classify (tensorflow/serving/predict)",
            "signature serving_default (tensorflow/serving/predict)")
        .containsPattern("output +logits +float +\\[-1, 3\\]")
        .contains("flagged ops: none");
  }

  @Test
  void textCanBeTheDefaultSignature(@TempDir Path out) {
    CliRun run =
        CliRun.of(
            "export",
            "--model",
            model.toString(),
            "--out",
            out.toString(),
            "--default-signature",
            "text",
            "--max-length",
            "32");
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .contains(
            "signature ids (tensorflow/serving/predict)",
            "signature serving_default (tensorflow/serving/predict)",
            "signature text (tensorflow/serving/predict)",
            "signature text_pair (tensorflow/serving/predict)")
        .containsPattern("input +text +string +\\[-1\\] +text/text:0")
        .containsPattern("output +labels +string +\\[-1\\] ");

    CliRun tooLong =
        CliRun.of(
            "export", "--model", model.toString(), "--out", out.toString(), "--max-length", "65");
    assertThat(tooLong.err().strip())
        .isEqualTo(
            "bertfit export: error: max length (65) must be in [2, 64], the model's"
                + " max_position_embeddings");
    CliRun badDefault =
        CliRun.of("export", "--model", model.toString(), "--default-signature", "words");
    assertThat(badDefault.exitCode()).isEqualTo(2);
    assertThat(badDefault.err()).contains("expected ids or text, got 'words'");
  }

  @Test
  void defaultBasePathIsSavedModelsSlashModelName() {
    ExportCommand command = new ExportCommand();
    new CommandLine(command).parseArgs("--model", model.toString() + "/");
    assertThat(command.base()).isEqualTo(Path.of("saved_models", "emotions"));
  }

  @Test
  void badInputIsOneClearLine(@TempDir Path out) {
    CliRun notModel = CliRun.of("export", "--model", out.toString());
    assertThat(notModel.exitCode()).isEqualTo(1);
    assertThat(notModel.err().strip())
        .isEqualTo(
            "bertfit export: error: "
                + out
                + " is not a bertfit model directory (config.json + variables/variables.index)");
    CliRun badVersion =
        CliRun.of("export", "--model", model.toString(), "--out", out.toString(), "--version", "0");
    assertThat(badVersion.err().strip())
        .isEqualTo("bertfit export: error: version must be at least 1, got 0");
    CliRun missing = CliRun.of("export");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("Missing required option: '--model=MODEL_DIR'");
  }
}

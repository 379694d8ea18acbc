package org.bertfit.training.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.bertfit.models.testing.ReferenceFixture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * bertfit against the independent PyTorch reference on every architecture and head: forward ≤ 1e-4,
 * each of 10 training losses ≤ 1e-4, final logits ≤ 1e-3. Skips when torch is not installed.
 */
@Tag("integration")
class ParityBenchmarkTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "bert, SINGLE_LABEL", "bert, MULTI_LABEL", "bert, TOKEN",
    "distilbert, SINGLE_LABEL", "distilbert, MULTI_LABEL", "distilbert, TOKEN",
    "roberta, SINGLE_LABEL", "roberta, MULTI_LABEL", "roberta, TOKEN",
  })
  void matchesTheReference(String arch, ParityBenchmark.Head head) {
    ParityBenchmark.Result result = new ParityBenchmark(ReferenceFixture.reference(), dir).run(arch, head);
    System.out.println(result.line());
    assertThat(result.forward()).as(result.line()).isLessThanOrEqualTo(ParityBenchmark.FORWARD_TOLERANCE);
    assertThat(result.trainLoss()).as(result.line()).isLessThanOrEqualTo(ParityBenchmark.LOSS_TOLERANCE);
    assertThat(result.finalLogits()).as(result.line()).isLessThanOrEqualTo(ParityBenchmark.FINAL_LOGITS_TOLERANCE);
    assertThat(result.trainLoss()).as("losses were compared").isGreaterThan(0);
  }
}

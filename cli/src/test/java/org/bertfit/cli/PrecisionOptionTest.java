package org.bertfit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.bertfit.models.device.SessionOptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class PrecisionOptionTest {
  @Command(name = "t")
  static final class WithPrecision {
    @Mixin PrecisionOption precision;
  }

  private static SessionOptions parsed(String... args) {
    WithPrecision command = new WithPrecision();
    new CommandLine(command).parseArgs(args);
    return command.precision.applyTo(SessionOptions.defaults());
  }

  @Test
  void bf16TurnsOnOneDnnMixedPrecisionAndFp32IsTheDefault() {
    assertThat(parsed("--precision", "bf16").bfloat16()).isTrue();
    assertThat(parsed("--precision", "fp32").bfloat16()).isFalse();
    assertThat(parsed().bfloat16()).isFalse();
  }

  @Test
  void fp32TurnsOffWhatTheSessionHad() {
    WithPrecision command = new WithPrecision();
    new CommandLine(command).parseArgs("--precision", "fp32");
    assertThat(command.precision.applyTo(SessionOptions.defaults().withBfloat16(true)).bfloat16()).isFalse();
  }
}

package org.bertfit.cli;

import org.bertfit.models.device.SessionOptions;
import picocli.CommandLine.Option;

/**
 * {@code --precision fp32|bf16} ({@code @Mixin}): bf16 is oneDNN's automatic mixed precision
 * (bfloat16 matrix products on CPUs with AVX512-BF16 or AMX; weights, optimizer and loss stay fp32).
 */
final class PrecisionOption {
  /** The precisions {@code --precision} takes. */
  enum Precision { fp32, bf16 }

  @Option(names = "--precision", paramLabel = "fp32|bf16",
      description = "fp32 (default) or bf16: oneDNN's automatic mixed precision, bfloat16 matrix products"
          + " on CPUs with AVX512-BF16 or AMX")
  Precision precision = Precision.fp32;

  SessionOptions applyTo(SessionOptions options) {
    return options.withBfloat16(precision == Precision.bf16);
  }
}

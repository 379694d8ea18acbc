package org.bertfit.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bertfit.models.bench.HfReference;
import org.bertfit.models.files.FileTree;
import org.bertfit.training.bench.ParityBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bertfit bench parity}: bertfit against an independent PyTorch implementation of transformers' models. */
@Command(
    name = "parity",
    description = {
      "For bert, distilbert and roberta with single-label, multi-label and token heads: a random",
      "checkpoint made by the reference, imported; the forward outputs, 10 training steps (AdamW",
      "lr 1e-3, weight decay 0.01, linear schedule, clipping 1.0, dropout off; the same batches)",
      "loss by loss, and the final logits compared. Fails above 1e-4 (forward, losses) or 1e-3",
      "(final logits)."
    })
final class BenchParityCommand implements Callable<Integer> {
  private static final String[] ARCHS = {"bert", "distilbert", "roberta"};

  @Spec CommandSpec spec;

  @Option(
      names = "--reference",
      required = true,
      paramLabel = "PATH",
      description = "hf_reference.py, run with /usr/bin/python3 (needs python3-torch)")
  Path reference;

  @Override
  public Integer call() {
    String unavailable = HfReference.unavailableReason();
    if (unavailable != null) {
      throw new IllegalStateException("bench parity needs the reference: " + unavailable);
    }
    var out = spec.commandLine().getOut();
    Path work;
    try {
      work = Files.createTempDirectory("bertfit-parity");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int cases = 0;
    int failures = 0;
    try {
      ParityBenchmark bench = new ParityBenchmark(new HfReference(reference), work);
      for (String arch : ARCHS) {
        for (ParityBenchmark.Head head : ParityBenchmark.Head.values()) {
          ParityBenchmark.Result result = bench.run(arch, head);
          out.println(result.line());
          cases++;
          failures += result.passed() ? 0 : 1;
        }
      }
    } finally {
      try {
        FileTree.delete(work);
      } catch (IOException e) {
        spec.commandLine().getErr().println("bench parity: cannot remove " + work + ": " + e.getMessage());
      }
    }
    out.printf("parity: cases=%d failures=%d%n", cases, failures);
    return failures == 0 ? 0 : 1;
  }
}

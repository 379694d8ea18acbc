package org.bertfit.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bertfit.datasets.tokenize.TokenizerJson;
import org.bertfit.models.BertConfig;
import org.bertfit.models.bench.ForwardBenchmark;
import org.bertfit.models.device.Device;
import org.bertfit.models.device.DevicePlacement;
import org.bertfit.models.device.DeviceReport;
import org.bertfit.models.graph.BatchTensors;
import org.bertfit.models.graph.InferenceModel;
import org.bertfit.models.device.SessionOptions;
import org.bertfit.training.Model;
import org.bertfit.training.bench.TrainBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bertfit bench gpu} (what {@code scripts/gpu-check} runs): whether this machine's GPU does
 * the work. Exit 0 when TensorFlow placed the model's MatMuls on the GPU, 2 when it sees no GPU
 * (saying why), 1 on any failure, a GPU that did not run the MatMuls included.
 */
@Command(
    name = "gpu",
    description = {
      "Checks the GPU: prints the devices TensorFlow sees; with a GPU, where it places the MatMuls",
      "of a small BERT (4 layers, hidden 256, random weights) and the fine-tuning samples/s on the",
      "GPU against the CPU. Exit 0: the GPU ran the MatMuls; 2: TensorFlow sees no GPU; 1: failure."
    })
final class BenchGpuCommand implements Callable<Integer> {
  /** The exit status when TensorFlow sees no GPU: not a failure of bertfit. */
  static final int NO_GPU = 2;

  @Spec CommandSpec spec;

  @Mixin BenchBatchOption batch;

  @Option(names = "--seq", description = "Sequence length (default ${DEFAULT-VALUE})")
  int seq = 128;

  @Mixin BenchStepsOptions timing;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    DeviceReport report = SessionOptions.defaults().deviceReport();
    out.println(report.line());
    if (!report.seesGpu()) {
      out.println("gpu-check: no GPU: " + report.noGpuReason());
      return NO_GPU;
    }
    BertConfig small = BertConfig.builder().hiddenSize(256).numHiddenLayers(4).numAttentionHeads(4)
        .intermediateSize(1024).labels(List.of("negative", "positive")).build();
    SessionOptions gpu = SessionOptions.defaults().withDevice(Device.gpu());
    SessionOptions cpu = SessionOptions.defaults().withDevice(Device.CPU);
    Map<String, Integer> placed = matMulPlacement(small, gpu);
    out.println("MatMuls of one forward pass on --device gpu, by device: " + placed);
    out.flush();
    String tokenizer = TokenizerJson.bertBaseUncased();
    TrainBenchmark.Result onGpu =
        TrainBenchmark.run(() -> Model.create(small, tokenizer, 1, gpu), tokenizer, batch.batch, seq, timing.warmup, timing.steps);
    TrainBenchmark.Result onCpu =
        TrainBenchmark.run(() -> Model.create(small, tokenizer, 1, cpu), tokenizer, batch.batch, seq, timing.warmup, timing.steps);
    out.printf("fine-tuning samples/s, batch %d seq %d: GPU %.1f, CPU %.1f (GPU/CPU %.1fx); forward: GPU %.1f, CPU %.1f%n",
        batch.batch, seq, onGpu.trainSamplesPerSecond(), onCpu.trainSamplesPerSecond(),
        onGpu.trainSamplesPerSecond() / onCpu.trainSamplesPerSecond(), onGpu.forwardSamplesPerSecond(),
        onCpu.forwardSamplesPerSecond());
    if (placed.keySet().stream().anyMatch(d -> !d.startsWith("GPU"))) {
      out.println("gpu-check: FAILED: TensorFlow sees a GPU but placed MatMuls elsewhere: " + placed);
      return 1;
    }
    out.println("gpu-check: OK: the GPU ran all the MatMuls");
    return 0;
  }

  /** Where TensorFlow puts the MatMuls of one forward pass of {@code config} under {@code session}. */
  private Map<String, Integer> matMulPlacement(BertConfig config, SessionOptions session) {
    try (InferenceModel model = InferenceModel.create(config, session).initialize(1);
        BatchTensors tensors = new BatchTensors(ForwardBenchmark.randomBatch(batch.batch, seq, config.vocabSize(), 1))) {
      return DevicePlacement.matMuls(
          tensors.feed(model.session().runner(), model.inputs()).fetch(model.outputs().probabilities()));
    }
  }
}

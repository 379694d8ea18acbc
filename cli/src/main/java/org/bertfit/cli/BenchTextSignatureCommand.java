package org.bertfit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bertfit.datasets.tokenize.BertTokenizer;
import org.bertfit.datasets.tokenize.EncodedBatch;
import org.bertfit.models.BertConfig;
import org.bertfit.models.export.ExportOptions;
import org.bertfit.models.export.ServingExport;
import org.bertfit.models.export.TextTokenizerRunner;
import org.bertfit.models.files.FileTree;
import org.bertfit.models.graph.BatchTensors;
import org.bertfit.models.graph.InferenceModel;
import org.bertfit.models.io.PretrainedModel;
import org.bertfit.models.io.PretrainedSource;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TString;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bertfit bench text-signature}: what tokenizing inside the graph costs. One export of
 * BERT-base, loaded once; in alternation, its {@code text} signature on raw texts and {@code
 * serving_default} on the same texts' ids (tokenized by DJL beforehand, outside the timing), and the
 * text signature's tokenizer alone.
 */
@Command(
    name = "text-signature",
    mixinStandardHelpOptions = true,
    versionProvider = BertfitCommand.Version.class,
    description = {
      "Exports BERT-base with a new 2-label head and times, side by side in one run, the text",
      "signature on BATCH raw texts of at least SEQ tokens against serving_default on their ids",
      "(DJL-tokenized beforehand), and the in-graph tokenizer alone. The goal: the tokenizer costs",
      "under 10% of the model's time.",
      "Example: bertfit bench text-signature --datasets ../shared/datasets"
    })
final class BenchTextSignatureCommand implements Callable<Integer> {
  private static final double GOAL = 0.10;

  @Spec CommandSpec spec;

  @Mixin SharedDatasetsOption datasets;

  @Mixin PretrainedOption pretrained;

  @Option(names = "--batch-size", paramLabel = "BATCH", defaultValue = "32", description = "Texts per call (default: ${DEFAULT-VALUE})")
  int batchSize;

  @Option(names = "--seq", paramLabel = "SEQ", defaultValue = "128", description = "Max length; every text fills it (default: ${DEFAULT-VALUE})")
  int seq;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "5", description = "Timed calls of each, after one warm-up; medians are reported (default: ${DEFAULT-VALUE})")
  int runs;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PretrainedModel source =
        PretrainedModel.open(
            PretrainedSource.defaults().resolve(pretrained.source()),
            BertConfig.builder().labels(List.of("negative", "positive")).build());
    Path base = Files.createTempDirectory("bertfit-text-signature");
    try {
      Path export;
      try (InferenceModel model = InferenceModel.create(source.config())) {
        model.load(source.checkpoint(), 1);
        export =
            ServingExport.export(
                    model, source.tokenizerJson(), null, base, ExportOptions.version(1).withMaxLength(seq))
                .dir();
      }
      List<String> texts;
      EncodedBatch ids;
      try (BertTokenizer tokenizer = BertTokenizer.fromJson(source.tokenizerJson(), seq)) {
        texts = longTexts(SharedTexts.all(datasets.root()), tokenizer);
        ids = tokenizer.encodeBatch(texts, seq);
      }
      try (SavedModelBundle bundle = SavedModelBundle.load(export.toString(), "serve");
          TextTokenizerRunner tokenizerOnly = TextTokenizerRunner.open(export)) {
        return time(bundle, tokenizerOnly, texts, ids, out);
      }
    } finally {
      FileTree.delete(base);
    }
  }

  private int time(
      SavedModelBundle bundle,
      TextTokenizerRunner tokenizerOnly,
      List<String> texts,
      EncodedBatch ids,
      PrintWriter out) {
    Session session = bundle.session();
    SignatureDef text = bundle.metaGraphDef().getSignatureDefMap().get(ServingExport.TEXT);
    SignatureDef byIds =
        bundle.metaGraphDef().getSignatureDefMap().get(ServingExport.SERVING_DEFAULT);
    double[] textMs = new double[runs];
    double[] idsMs = new double[runs];
    double[] tokenizerMs = new double[runs];
    float[] fromText = null;
    float[] fromIds = null;
    for (int run = -1; run < runs; run++) {
      long start = System.nanoTime();
      try (TString input = TextTokenizerRunner.strings(texts);
          Result result =
              session
                  .runner()
                  .feed(text.getInputsOrThrow(ServingExport.TEXT).getName(), input)
                  .fetch(text.getOutputsOrThrow(ServingExport.PROBABILITIES).getName())
                  .run()) {
        fromText = floats((TFloat32) result.get(0));
      }
      long middle = System.nanoTime();
      try (BatchTensors tensors = new BatchTensors(ids);
          Result result =
              feed(session.runner(), byIds, tensors)
                  .fetch(byIds.getOutputsOrThrow(ServingExport.PROBABILITIES).getName())
                  .run()) {
        fromIds = floats((TFloat32) result.get(0));
      }
      long end = System.nanoTime();
      tokenizerOnly.encode(texts);
      long tokenized = System.nanoTime();
      if (run >= 0) {
        textMs[run] = (middle - start) / 1e6;
        idsMs[run] = (end - middle) / 1e6;
        tokenizerMs[run] = (tokenized - end) / 1e6;
      }
    }
    double difference = maxDifference(fromText, fromIds);
    double textMedian = median(textMs);
    double idsMedian = median(idsMs);
    double tokenizerMedian = median(tokenizerMs);
    double overhead = (textMedian - idsMedian) / idsMedian;
    out.printf(
        Locale.ROOT,
        "batch %d x seq %d, %d cores, median of %d runs after a warm-up%n",
        batchSize,
        seq,
        Runtime.getRuntime().availableProcessors(),
        runs);
    out.printf(Locale.ROOT, "serving_default (ids in)     %8.1f ms  %s%n", idsMedian, Arrays.toString(round(idsMs)));
    out.printf(Locale.ROOT, "text (raw strings in)        %8.1f ms  %s%n", textMedian, Arrays.toString(round(textMs)));
    out.printf(Locale.ROOT, "in-graph tokenizer alone     %8.1f ms  %s%n", tokenizerMedian, Arrays.toString(round(tokenizerMs)));
    out.printf(
        Locale.ROOT,
        "text-signature: tokenizing costs %.1f%% of the model's time (text - ids: %+.1f%%; tokenizer"
            + " alone: %.1f%%); max |p_text - p_ids| = %.2e; goal < %.0f%%: %s%n",
        100 * Math.max(overhead, tokenizerMedian / idsMedian),
        100 * overhead,
        100 * tokenizerMedian / idsMedian,
        difference,
        100 * GOAL,
        Math.max(overhead, tokenizerMedian / idsMedian) < GOAL ? "met" : "NOT met");
    return difference <= 1e-4 ? 0 : 1;
  }

  private static Session.Runner feed(Session.Runner runner, SignatureDef signature, BatchTensors tensors) {
    return runner
        .feed(signature.getInputsOrThrow("input_ids").getName(), tensors.inputIds())
        .feed(signature.getInputsOrThrow("attention_mask").getName(), tensors.attentionMask())
        .feed(signature.getInputsOrThrow("token_type_ids").getName(), tensors.tokenTypeIds());
  }

  /** {@code batchSize} texts of at least {@code seq} tokens: consecutive dataset texts joined. */
  private List<String> longTexts(List<String> all, BertTokenizer tokenizer) {
    List<String> texts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (String t : all) {
      text.append(text.isEmpty() ? "" : " ").append(t);
      if (tokenizer.encode(text.toString()).truncated()) {
        texts.add(text.toString());
        text.setLength(0);
        if (texts.size() == batchSize) {
          return texts;
        }
      }
    }
    throw new IllegalArgumentException("the datasets have too few texts for " + batchSize + " long ones");
  }

  private static float[] floats(TFloat32 tensor) {
    float[] values = new float[Math.toIntExact(tensor.shape().size())];
    tensor.copyTo(org.tensorflow.ndarray.buffer.DataBuffers.of(values, false, false));
    return values;
  }

  private static double maxDifference(float[] a, float[] b) {
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs(a[i] - b[i]));
    }
    return max;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static long[] round(double[] values) {
    return Arrays.stream(values).mapToLong(Math::round).toArray();
  }
}

package org.bertfit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.bertfit.datasets.io.DatasetReader;
import org.bertfit.datasets.io.ExampleStream;
import org.bertfit.datasets.io.ReadOptions;
import org.bertfit.datasets.tokenize.BertTokenizer;
import org.bertfit.evaluation.LabelDecoder;
import org.bertfit.inference.Classifier;
import org.bertfit.inference.PredictStats;
import org.bertfit.inference.PredictionStream;
import org.bertfit.inference.Predictor;
import org.bertfit.inference.output.PredictionsJsonl;
import org.bertfit.models.BertConfig;
import org.bertfit.models.graph.InferenceModel;
import org.bertfit.models.export.ModelFiles;
import org.bertfit.models.device.SessionOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bertfit bench predict}: the whole of {@code bertfit predict} (read a text file, tokenize,
 * run the model, write JSON lines) over generated short texts, with texts/s, the share of time in
 * session runs and the peak heap.
 */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    versionProvider = BertfitCommand.Version.class,
    description = {
      "Texts/s of read + tokenize + predict + write JSON lines over N generated short texts"
          + " (3 to 20 words), with a tiny random BERT (2 layers, hidden 64, 6 labels) and the"
          + " BERT-base uncased tokenizer, or a given model; prints the share of time in session"
          + " runs and the peak heap (the goal is under 512 MB).",
      "Example: bertfit bench predict --texts 100000"
    })
final class BenchPredictCommand implements Callable<Integer> {
  private static final long GOAL_BYTES = 512L << 20;
  private static final int WARMUP_TEXTS = 4096;
  private static final String[] WORDS =
      ("i you we they it this that the a an my your our is was are were be been feel felt love hate"
           + " like want need think know see get make go come take give tell work day night time"
           + " year people friend family home job game movie song food weather news today tomorrow"
           + " really very so not never always just still again good bad great happy sad angry"
           + " afraid surprised tired excited bored awful amazing terrible nice weird funny new old"
           + " big small long short and but or because if when while about with without")
          .split(" ");

  @Spec CommandSpec spec;

  @Mixin DeviceOptions device;

  @Option(
      names = "--texts",
      paramLabel = "N",
      defaultValue = "100000",
      description = "Texts to predict (default: ${DEFAULT-VALUE})")
  int texts;

  @Mixin BatchSizeOption batch;

  @Option(
      names = "--model",
      paramLabel = "DIR",
      description = "Benchmark this model instead of the tiny random one")
  Path model;

  @Override
  public Integer call() throws IOException {
    SessionOptions session = device.session(spec.commandLine().getOut());
    if (texts < 1) {
      throw new IllegalArgumentException("--texts must be at least 1, got " + texts);
    }
    PrintWriter out = spec.commandLine().getOut();
    Path work = Files.createTempDirectory("bertfit-bench-predict");
    try (Classifier classifier = classifier(session)) {
      Predictor predictor = new Predictor(classifier, batch.batchSize(), Predictor.WINDOW_BATCHES);
      out.printf(
          Locale.ROOT,
          "bench predict: %,d short texts (3 to 20 words), %s, batch %d,"
              + " windows of %,d texts; %d cores, max heap %,d MB%n",
          texts,
          describe(),
          batch.batchSize(),
          predictor.windowSize(),
          Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().maxMemory() >> 20);
      out.flush();
      run(predictor, writeTexts(work.resolve("warmup.txt"), WARMUP_TEXTS), work);
      Path input = writeTexts(work.resolve("texts.txt"), texts);
      System.gc();
      ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
      long start = System.nanoTime();
      PredictStats stats = run(predictor, input, work);
      double seconds = (System.nanoTime() - start) / 1e9;
      long peak = peakHeap();
      out.printf(
          Locale.ROOT,
          "read + tokenize + predict + write JSON lines: %,d texts in %.2f s"
              + " = %,.0f texts/s%n",
          stats.texts(),
          seconds,
          stats.texts() / seconds);
      out.printf(
          Locale.ROOT,
          "session runs: %.0f%% of the time; tokenizing thread busy %.0f%%;"
              + " padding %.0f%% of positions%n",
          100 * stats.sessionNanos() / 1e9 / seconds,
          100 * stats.tokenizeNanos() / 1e9 / seconds,
          100 * stats.paddingShare());
      out.printf(
          Locale.ROOT,
          "peak heap: %,d MB (sum of the heap pools' peaks); goal < 512 MB:" + " %s%n",
          peak >> 20,
          peak < GOAL_BYTES ? "met" : "NOT met");
      out.flush();
    } finally {
      try (Stream<Path> files = Files.list(work)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(work);
    }
    return 0;
  }

  private Classifier classifier(SessionOptions session) {
    if (model != null) {
      return Classifier.open(ModelFiles.open(model), 128, session);
    }
    BertConfig tiny = BertConfig.tiny().toBuilder().numLabels(6).build();
    InferenceModel graph = InferenceModel.create(tiny, session).initialize(42);
    return new Classifier(graph, BertTokenizer.bertBaseUncased(128), LabelDecoder.argmax(6));
  }

  private String describe() {
    return model != null
        ? "model " + model + ", max length 128"
        : "tiny BERT (2 layers, hidden 64, 6 labels, random weights), BERT-base uncased"
            + " tokenizer, max length 128";
  }

  /** Predicts {@code input} as {@code bertfit predict} does. */
  private static PredictStats run(Predictor predictor, Path input, Path work) {
    ReadOptions text = ReadOptions.builder().unlabelled().build();
    try (ExampleStream examples = DatasetReader.open(input, text);
        PredictionsJsonl written =
            PredictionsJsonl.create(work.resolve("predictions.jsonl"), predictor.classifier());
        PredictionStream predictions = predictor.predict(examples)) {
      predictions.forEachRemaining(written::write);
      written.commit();
      return predictions.stats();
    }
  }

  private static Path writeTexts(Path file, int n) throws IOException {
    SplittableRandom random = new SplittableRandom(42);
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < n; i++) {
        int words = 3 + random.nextInt(18);
        for (int j = 0; j < words; j++) {
          w.write(j == 0 ? "" : " ");
          w.write(WORDS[random.nextInt(WORDS.length)]);
        }
        w.write('\n');
      }
    }
    return file;
  }

  private static long peakHeap() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed())
        .sum();
  }
}

package org.bertfit.cli;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bertfit.datasets.Batch;
import org.bertfit.datasets.BatchOptions;
import org.bertfit.datasets.Dataset;
import org.bertfit.datasets.EncodedDataset;
import org.bertfit.datasets.io.DatasetReader;
import org.bertfit.datasets.io.ReadOptions;
import org.bertfit.datasets.labels.LabelEncoder;
import org.bertfit.datasets.tokenize.BertTokenizer;
import org.bertfit.models.bench.ForwardBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bertfit bench tokenize}: texts per second from files to padded batches (read, tokenize,
 * batch) over all GoEmotions and emotion training texts, next to DJL's tokenizer alone on the same
 * texts in the same run.
 */
@Command(
    name = "tokenize",
    mixinStandardHelpOptions = true,
    versionProvider = BertfitCommand.Version.class,
    description = {
      "Texts/s of read + tokenize + batch over all GoEmotions (43,410) and emotion (16,000)"
          + " training texts, next to DJL's HuggingFaceTokenizer.batchEncode alone on the same"
          + " texts. The goal is 20,000 texts/s end to end.",
      "Example: bertfit bench tokenize --datasets ../shared/datasets"
    })
public final class BenchTokenizeCommand implements Callable<Integer> {
  private static final double GOAL = 20_000;

  @Spec CommandSpec spec;

  @Mixin SharedDatasetsOption datasets;

  @Option(
      names = "--runs",
      paramLabel = "N",
      defaultValue = "3",
      description =
          "Timed runs after one warm-up, alternating which side goes first; the median is"
              + " reported (default: ${DEFAULT-VALUE})")
  int runs;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      defaultValue = "32",
      description = "Batch size (default: ${DEFAULT-VALUE})")
  int batchSize;

  @Mixin InputTokenizerOptions tokenizer;

  /** A corpus to time: a file and how to read it. */
  private record Corpus(String name, Path path, ReadOptions options) {}

  @Override
  public Integer call() throws IOException {
    if (runs < 1) {
      throw new IllegalArgumentException("--runs must be at least 1, got " + runs);
    }
    List<Corpus> corpora = corpora(datasets.root());
    String json = tokenizer.json();
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        Locale.ROOT,
        "tokenizer %s, max length %d, batch size %d, %d cores, median of %d runs%n",
        tokenizer.describe(),
        tokenizer.maxLength(),
        batchSize,
        Runtime.getRuntime().availableProcessors(),
        runs);
    out.printf(
        Locale.ROOT,
        "%-22s %7s %34s %30s%n",
        "corpus",
        "texts",
        "read+tokenize+batch (bertfit)",
        "DJL batchEncode alone");
    double slowest = Double.MAX_VALUE;
    try (BertTokenizer ours = BertTokenizer.fromJson(json, tokenizer.maxLength());
        HuggingFaceTokenizer djl = djl(json)) {
      for (Corpus corpus : corpora) {
        List<String> texts = endToEnd(corpus, ours);
        djlAlone(djl, texts);
        double[] oursRates = new double[runs];
        double[] djlRates = new double[runs];
        for (int run = 0; run < runs; run++) {
          if (run % 2 == 1) {
            djlRates[run] = rate(texts.size(), () -> djlAlone(djl, texts));
          }
          oursRates[run] = rate(texts.size(), () -> endToEnd(corpus, ours));
          if (run % 2 == 0) {
            djlRates[run] = rate(texts.size(), () -> djlAlone(djl, texts));
          }
        }
        double median = ForwardBenchmark.median(oursRates);
        double medianDjl = ForwardBenchmark.median(djlRates);
        slowest = Math.min(slowest, median);
        out.printf(
            Locale.ROOT,
            "%-22s %7d %21s texts/s (%4.2f s) %17s texts/s (%4.2f s)%n",
            corpus.name(),
            texts.size(),
            String.format(Locale.ROOT, "%,.0f", median),
            texts.size() / median,
            String.format(Locale.ROOT, "%,.0f", medianDjl),
            texts.size() / medianDjl);
        out.flush();
      }
    }
    out.printf(
        Locale.ROOT,
        "goal: >= %,.0f texts/s end to end: %s%n",
        GOAL,
        slowest >= GOAL ? "met" : "NOT met");
    return 0;
  }

  private static List<Corpus> corpora(Path root) {
    Path goemotions = root.resolve("goemotions");
    Path emotion = root.resolve("emotion/train.txt");
    for (Path p :
        List.of(goemotions.resolve("train.tsv"), goemotions.resolve("labels.txt"), emotion)) {
      if (!Files.isRegularFile(p)) {
        throw new IllegalArgumentException(p + ": no such file");
      }
    }
    return List.of(
        new Corpus(
            "goemotions/train.tsv",
            goemotions.resolve("train.tsv"),
            SharedTexts.goemotions(goemotions)),
        new Corpus("emotion/train.txt", emotion, ReadOptions.defaults()));
  }

  /** Reads, tokenizes and cuts one shuffled, length-bucketed epoch; returns the texts read. */
  private List<String> endToEnd(Corpus corpus, BertTokenizer tokenizer) {
    Dataset data = DatasetReader.read(corpus.path(), corpus.options());
    EncodedDataset encoded = EncodedDataset.encode(data, tokenizer, LabelEncoder.fit(data));
    long tokens = 0;
    BatchOptions options = BatchOptions.training(batchSize, 42).withBucketWindow(50);
    for (Batch batch : encoded.batches(options, 0)) {
      tokens += batch.inputs().inputIds().length;
    }
    if (tokens == 0) {
      throw new IllegalStateException(corpus.name() + ": no tokens");
    }
    return data.texts();
  }

  private static void djlAlone(HuggingFaceTokenizer djl, List<String> texts) {
    Encoding[] encodings = djl.batchEncode(texts);
    if (encodings.length != texts.size()) {
      throw new IllegalStateException("DJL returned " + encodings.length + " encodings");
    }
  }

  /** DJL's tokenizer with the options bertfit uses: special tokens, truncation, no padding. */
  private HuggingFaceTokenizer djl(String json) throws IOException {
    return HuggingFaceTokenizer.newInstance(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
        Map.of(
            "addSpecialTokens",
            "true",
            "truncation",
            "true",
            "padding",
            "false",
            "maxLength",
            Integer.toString(tokenizer.maxLength())));
  }

  private static double rate(int texts, Runnable run) {
    long start = System.nanoTime();
    run.run();
    return texts / ((System.nanoTime() - start) / 1e9);
  }
}

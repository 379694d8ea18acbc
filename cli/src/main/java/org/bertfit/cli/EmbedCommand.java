package org.bertfit.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bertfit.datasets.io.DatasetReader;
import org.bertfit.datasets.io.ExampleStream;
import org.bertfit.inference.Classifier;
import org.bertfit.inference.PredictionStream;
import org.bertfit.inference.output.EmbeddingsJsonl;
import org.bertfit.inference.shard.DataSummary;
import org.bertfit.models.ClassifierPooling;
import org.bertfit.models.export.ModelFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bertfit embed}: a sentence embedding for every text of a file, as JSON lines. */
@Command(
    name = "embed",
    mixinStandardHelpOptions = true,
    versionProvider = BertfitCommand.Version.class,
    description = {
      "Writes one JSON object a line for each input text, in input order: {\"embedding\": [...]},"
          + " the encoder's last-layer [CLS] state, the mean of its token states (over the"
          + " attention mask) or the pooler output. The features that train --head logistic"
          + " fits to. Streams; written whole or not at all.",
      "Example: bertfit embed --model models/bert-base-uncased --input texts.txt --pooling mean"
          + " --out embeddings.jsonl"
    })
public final class EmbedCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin LocalModelOptions model;

  @Mixin TextsInput texts;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The embeddings")
  Path out;

  @Option(
      names = "--pooling",
      paramLabel = "cls|mean|pooler",
      defaultValue = "mean",
      description = "Which sentence vector (default: ${DEFAULT-VALUE})")
  String pooling;

  @Override
  public Integer call() {
    new DistinctPaths().output("--out", out).input("--input", texts.path).require();
    ModelFiles files = ModelFiles.open(model.model.model()).withPooling(ClassifierPooling.fromJsonName(pooling));
    PredictProgress progress = new PredictProgress(spec.commandLine().getErr(), "embed", -1);
    try (Classifier classifier = model.classifier(files, spec.commandLine().getErr());
        ExampleStream examples =
            DatasetReader.open(texts.path, texts.readOptions().toBuilder().unlabelled().build());
        EmbeddingsJsonl written = EmbeddingsJsonl.create(out)) {
      DataSummary.requireTexts(texts.path, examples.task());
      try (PredictionStream embeddings = model.predictor(classifier).embed(examples)) {
        progress.drain(embeddings, written::write);
      }
      written.commit();
      progress.reportSkipped(examples);
    }
    return 0;
  }
}

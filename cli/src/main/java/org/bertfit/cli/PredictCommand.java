package org.bertfit.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bertfit.datasets.io.DatasetReader;
import org.bertfit.datasets.io.ExampleStream;
import org.bertfit.datasets.io.ReadOptions;
import org.bertfit.training.predict.Classifier;
import org.bertfit.training.predict.DataSummary;
import org.bertfit.training.predict.ModelFiles;
import org.bertfit.training.predict.PredictionStream;
import org.bertfit.training.predict.PredictionsJsonl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bertfit predict}: the labels and probabilities of every text of a file, as JSON lines. */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    versionProvider = BertfitCommand.Version.class,
    description = {
      "Writes one JSON object a line for each input row, in input order: {\"text\": ...,"
          + " \"label\": ..., \"scores\": {label: probability}} (\"labels\": [...] for a"
          + " multi-label model, with its thresholds.json or 0.5). Plain text files are one text"
          + " a line. Streams: memory stays bounded whatever the input size.",
      "Example: bertfit predict --model models/sentiment --input tweets.txt --out predictions.jsonl"
    })
public final class PredictCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin PredictModelOptions model;

  @Option(
      names = "--input",
      required = true,
      paramLabel = "PATH",
      description = "Texts: plain text (one a line), csv, tsv, jsonl, tweeteval or semicolon")
  Path inputPath;

  @Mixin InputOptions input;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "The predictions (JSON lines); written whole or not at all")
  Path out;

  @Override
  public Integer call() {
    ModelFiles files = model.files();
    ReadOptions options = input.readOptions().toBuilder().unlabelled().build();
    try (Classifier classifier = model.classifier(files);
        ExampleStream examples = DatasetReader.open(inputPath, options);
        PredictionsJsonl written =
            PredictionsJsonl.create(out, files.labels(), files.multiLabel())) {
      DataSummary.requireTexts(inputPath, examples.task());
      try (PredictionStream predictions = model.predictor(classifier).predict(examples)) {
        new PredictProgress(spec.commandLine().getErr(), "predict", -1)
            .drain(predictions, written::write);
      }
      written.commit();
      if (examples.skipped().total() > 0) {
        spec.commandLine()
            .getErr()
            .println(
                "predict: skipped "
                    + examples.skipped().total()
                    + " bad rows: "
                    + examples.skipped().summary());
      }
    }
    return 0;
  }
}

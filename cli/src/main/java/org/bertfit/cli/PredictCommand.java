package org.bertfit.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bertfit.datasets.Task;
import org.bertfit.datasets.io.DatasetReader;
import org.bertfit.datasets.io.ExampleStream;
import org.bertfit.datasets.io.ReadOptions;
import org.bertfit.inference.Classifier;
import org.bertfit.inference.PredictionStream;
import org.bertfit.inference.output.PredictionWriter;
import org.bertfit.inference.output.PredictionsConll;
import org.bertfit.inference.output.PredictionsJsonl;
import org.bertfit.inference.shard.DataSummary;
import org.bertfit.models.export.ModelFiles;
import org.bertfit.evaluation.Thresholds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bertfit predict}: the labels and probabilities of every text of a file, or the entities
 * of every sentence, as JSON lines; or a token classifier's tags as conlleval's input.
 */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    versionProvider = BertfitCommand.Version.class,
    description = {
      "Writes one JSON object a line for each input row, in input order: {\"text\": ...,"
          + " \"label\": ..., \"scores\": {label: probability}} (\"labels\": [...] for a"
          + " multi-label model, with its thresholds.json or " + Thresholds.DEFAULT + "). Plain text files are one text"
          + " a line. Streams: memory stays bounded whatever the input size.",
      "A token classifier writes each sentence's entities ({\"text\": ..., \"entities\":"
          + " [{\"entity_group\": \"PER\", \"score\": ..., \"word\": ..., \"start\": ...,"
          + " \"end\": ...}]}), a word tagged by its first sub-token; it reads CoNLL files or"
          + " plain text (split into words as the tokenizer does). --format conll writes"
          + " 'word gold predicted' lines and a blank line after each sentence, conlleval's input.",
      "Example: bertfit predict --model models/sentiment --input tweets.txt --out predictions.jsonl"
    })
public final class PredictCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin LocalModelOptions model;

  @Mixin TextsInput texts;

  @Mixin TaskOption task;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "The predictions; written whole or not at all")
  Path out;

  @Option(
      names = "--format",
      defaultValue = "jsonl",
      paramLabel = "jsonl|conll",
      description =
          "jsonl (default), or for a token classifier conll: the input's words and tags with the"
              + " predicted tags (needs CoNLL input with a tag column)")
  String format;

  @Override
  public Integer call() {
    new DistinctPaths().output("--out", out).input("--input", texts.path).require();
    ModelFiles files = model.files();
    task.requireAgrees(files.tokenClassification(), "the model " + files.dir());
    boolean conll = conllFormat(files);
    ReadOptions options = texts.readOptions();
    if (!conll) {
      options = options.toBuilder().unlabelled().build();
    }
    PredictProgress progress = new PredictProgress(spec.commandLine().getErr(), "predict", -1);
    try (Classifier classifier = model.classifier(files, spec.commandLine().getErr());
        ExampleStream examples = DatasetReader.open(texts.path, options);
        PredictionWriter written =
            conll
                ? PredictionsConll.create(out, files.labels())
                : PredictionsJsonl.create(out, classifier)) {
      if (!files.tokenClassification()) {
        DataSummary.requireTexts(texts.path, examples.task());
      } else if (conll && examples.task() != Task.TOKEN_CLASSIFICATION) {
        throw new IllegalArgumentException(
            "--format conll needs CoNLL input (--input-format conll); " + texts.path + " holds texts");
      }
      try (PredictionStream predictions = model.predictor(classifier).predict(examples)) {
        progress.drain(predictions, written::write);
      }
      written.commit();
      progress.reportSkipped(examples);
    }
    return 0;
  }

  /** Whether to write conlleval's input rather than JSON lines. */
  private boolean conllFormat(ModelFiles files) {
    if (!format.equals("jsonl") && !format.equals("conll")) {
      throw new IllegalArgumentException("--format must be jsonl or conll, got '" + format + "'");
    }
    if (format.equals("conll") && !files.tokenClassification()) {
      throw new IllegalArgumentException(
          "--format conll is for token classifiers; " + files.dir() + " classifies texts");
    }
    return format.equals("conll");
  }
}

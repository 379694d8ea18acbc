package org.bertfit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bertfit.datasets.io.DataFormat;
import org.bertfit.datasets.io.DatasetReader;
import org.bertfit.datasets.io.ExampleStream;
import org.bertfit.datasets.io.ReadOptions;
import org.bertfit.evaluation.ReportOptions;
import org.bertfit.inference.Classifier;
import org.bertfit.inference.PredictionStream;
import org.bertfit.inference.Predictor;
import org.bertfit.inference.output.PredictionsJsonl;
import org.bertfit.inference.shard.DataSummary;
import org.bertfit.inference.shard.EvaluationState;
import org.bertfit.inference.shard.Shard;
import org.bertfit.models.export.ModelFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bertfit evaluate}: runs a model over labelled data, streaming, and writes the report of
 * {@code bertfit report} (and the predictions of {@code bertfit predict} when asked).
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    versionProvider = BertfitCommand.Version.class,
    description = {
      "Runs the model over labelled data and writes the class-wise report of bertfit report."
          + " A first pass checks that the model knows every label (listing those it does not)"
          + " and counts the rows; the second streams them through the model.",
      "A token classifier is evaluated on CoNLL files: the entity-level report (seqeval's"
          + " classification_report per entity type, micro, macro and weighted averages, and the"
          + " token accuracy; text or json), each word tagged by its first sub-token and the"
          + " words cut by truncation tagged O.",
      "--shard i/n evaluates the i-th of n contiguous parts (cut at the 2,048-text windows in"
          + " which texts are batched) and saves the counts with --state; bertfit report --merge"
          + " combines the states of all n shards into the report of the unsharded run, byte for"
          + " byte.",
      "Example: bertfit evaluate --model models/emotion --data emotion/test.txt --format json"
    })
public final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin LocalModelOptions model;

  @Mixin LabelledDataOptions data;

  @Mixin TaskOption task;

  @Mixin EvaluationReportOptions report;

  @Option(
      names = "--predictions",
      paramLabel = "FILE",
      description = "Also write the predictions, as bertfit predict does")
  Path predictions;

  @Option(
      names = "--shard",
      paramLabel = "i/n",
      description = "Evaluate part i (from 0) of n; needs --state")
  String shard;

  @Option(
      names = "--state",
      paramLabel = "FILE",
      description = "Save the accumulated counts (and scores) for bertfit report --merge")
  Path state;

  @Override
  public Integer call() throws IOException {
    new DistinctPaths().output("--out", report.out()).output("--predictions", predictions)
        .output("--state", state).input("--data", data.path()).require();
    Shard part = shard == null ? Shard.ALL : Shard.parse(shard);
    if (part.count() > 1 && state == null) {
      throw new IllegalArgumentException(
          "--shard needs --state FILE: bertfit report --merge combines the states of the shards");
    }
    ReportOptions reportOptions = report.reportOptions();
    ModelFiles files = model.files();
    task.requireAgrees(files.tokenClassification(), "the model " + files.dir());
    ReadOptions options = readOptions(files);
    DataSummary summary =
        DataSummary.scan(data.path(), options, files.labels(), files.tokenClassification());
    EvaluationState counts = evaluate(files, options, summary, part);
    if (state != null) {
      counts.save(state);
    }
    if (counts.examples() == 0) {
      spec.commandLine()
          .getErr()
          .printf(
              Locale.ROOT,
              "evaluate: shard %s holds no rows (the %,d rows make fewer windows than there are"
                  + " shards); its state is saved for bertfit report --merge%n",
              part,
              summary.rows());
      return 0;
    }
    PrintWriter stdout = spec.commandLine().getOut();
    if (counts.tagging()) {
      report.print(counts.entityReport(reportOptions), stdout);
    } else {
      report.print(counts.report(report.evaluator()), stdout);
    }
    return 0;
  }

  /** Streams the shard's rows through the model into fresh counts. */
  private EvaluationState evaluate(
      ModelFiles files, ReadOptions options, DataSummary summary, Shard part) {
    try (Classifier classifier = model.classifier(files, spec.commandLine().getErr());
        ExampleStream examples = DatasetReader.open(data.path(), options);
        PredictionsJsonl written =
            predictions == null ? null : PredictionsJsonl.create(predictions, classifier)) {
      Predictor predictor = model.predictor(classifier);
      int window = predictor.windowSize();
      EvaluationState.Origin origin =
          new EvaluationState.Origin(files.fingerprint(), summary, window);
      EvaluationState counts =
          files.tokenClassification()
              ? EvaluationState.startTagging(origin, part, files.labels())
              : EvaluationState.start(
                  origin, part, files.labels(), classifier.decoder(), report.keepScores());
      long rows = part.to(summary.rows(), window) - part.from(summary.rows(), window);
      try (PredictionStream stream =
          predictor.predict(part.rows(examples, summary.rows(), window))) {
        new PredictProgress(spec.commandLine().getErr(), "evaluate", rows)
            .drain(
                stream,
                p -> {
                  counts.add(p);
                  if (written != null) {
                    written.write(p);
                  }
                });
      }
      if (written != null) {
        written.commit();
      }
      return counts;
    }
  }

  /** The input options, reading label sets for a multi-label model, CoNLL for a token one. */
  private ReadOptions readOptions(ModelFiles files) {
    ReadOptions options = data.readOptions();
    if (files.tokenClassification() && options.format() == null) {
      return options.toBuilder().format(DataFormat.CONLL).build();
    }
    if (files.multiLabel()) {
      return options.toBuilder().multiLabel(true).build();
    }
    if (options.multiLabel()) {
      throw new IllegalArgumentException(
          "the model predicts one label a text, but --label-separator or --multi-label read sets"
              + " of labels");
    }
    return options;
  }
}

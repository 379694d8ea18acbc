package org.bertfit.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.bertfit.evaluation.ConfusionMatrix;
import org.bertfit.evaluation.EvaluationReport;
import org.bertfit.evaluation.Evaluator;
import org.bertfit.evaluation.LabelSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bertfit bench report}: accumulates N random multi-class predictions (in shards, then
 * merged, as a distributed evaluation would) and builds the report; prints the figures.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Times accumulating and reporting N multi-class predictions.")
final class BenchReportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--predictions", defaultValue = "10000000",
      description = "How many predictions (default: 10,000,000).")
  int predictions;

  @Option(names = "--classes", defaultValue = "20", description = "How many classes (default: 20).")
  int classes;

  @Option(names = "--shards", defaultValue = "8", description = "Shards merged at the end (default: 8).")
  int shards;

  @Option(names = "--repeat", defaultValue = "3", description = "Timed runs (default: 3).")
  int repeat;

  @Override
  public Integer call() {
    if (predictions < 1 || classes < 2 || shards < 1 || repeat < 1) {
      throw new IllegalArgumentException("--predictions and --shards and --repeat must be at least"
          + " 1 and --classes at least 2");
    }
    PrintWriter out = spec.commandLine().getOut();
    int[] yTrue = new int[predictions];
    int[] yPred = new int[predictions];
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < predictions; i++) {
      yTrue[i] = random.nextInt(classes);
      yPred[i] = random.nextInt(10) < 7 ? yTrue[i] : random.nextInt(classes);
    }
    List<String> names = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      names.add("class_" + c);
    }
    LabelSet labels = LabelSet.of(names);
    out.printf("bertfit bench report: %,d predictions, %d classes, %d shards%n",
        predictions, classes, shards);
    for (int run = 1; run <= repeat; run++) {
      long start = System.nanoTime();
      ConfusionMatrix total = new ConfusionMatrix(classes);
      int size = (predictions + shards - 1) / shards;
      for (int s = 0; s < shards; s++) {
        int from = s * size;
        int to = Math.min(predictions, from + size);
        ConfusionMatrix shard = new ConfusionMatrix(classes);
        shard.update(yTrue, yPred, from, to);
        total.merge(shard);
      }
      long accumulated = System.nanoTime();
      EvaluationReport report = Evaluator.builder().build().multiClass(labels, total, null);
      long done = System.nanoTime();
      double seconds = (done - start) / 1e9;
      out.printf("run %d: accumulate %.3f s, report %.3f s, total %.3f s = %,.0f predictions/s"
          + " (accuracy %.4f)%n", run, (accumulated - start) / 1e9, (done - accumulated) / 1e9,
          seconds, predictions / seconds, report.classification().accuracy().orElse(Double.NaN));
    }
    out.flush();
    return 0;
  }
}

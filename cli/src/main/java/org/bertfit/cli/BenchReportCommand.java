package org.bertfit.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.bertfit.evaluation.ConfusionMatrix;
import org.bertfit.evaluation.EvaluationReport;
import org.bertfit.evaluation.Evaluator;
import org.bertfit.evaluation.Figure;
import org.bertfit.evaluation.LabelSet;
import org.bertfit.evaluation.ScoreBuffer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bertfit bench report}: accumulates N random multi-class predictions (in shards, then
 * merged, as a distributed evaluation would) and builds the report; then the same with the
 * predictions' probabilities, so that the ranking metrics (ROC-AUC, average precision) are timed
 * too; prints the figures.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Times accumulating and reporting N multi-class predictions (counts), and M with"
        + " their probabilities (counts and ranking metrics: ROC-AUC, average precision).")
final class BenchReportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--predictions", defaultValue = "10000000",
      description = "How many predictions (default: 10,000,000).")
  int predictions;

  @Option(names = "--classes", defaultValue = "20", description = "How many classes (default: 20).")
  int classes;

  @Option(names = "--shards", defaultValue = "8", description = "Shards merged at the end (default: 8).")
  int shards;

  @Option(names = "--scored", defaultValue = "100000",
      description = "Predictions reported with their probabilities (default: 100,000; 0: none).")
  int scored;

  @Option(names = "--repeat", defaultValue = "3", description = "Timed runs (default: 3).")
  int repeat;

  @Override
  public Integer call() {
    if (predictions < 1 || classes < 2 || shards < 1 || repeat < 1 || scored < 0 || scored > predictions) {
      throw new IllegalArgumentException("--predictions and --shards and --repeat must be at least"
          + " 1, --classes at least 2 and --scored between 0 and --predictions");
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
    out.printf("bertfit bench report: %,d predictions, %d classes, %d shards; %,d with probabilities%n",
        predictions, classes, shards, scored);
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
      if (scored > 0) {
        scoredRun(out, run, labels, yTrue, yPred);
      }
    }
    out.flush();
    return 0;
  }

  /** Counts and probabilities of the first {@code scored} predictions: the report with ranking metrics. */
  private void scoredRun(PrintWriter out, int run, LabelSet labels, int[] yTrue, int[] yPred) {
    SplittableRandom random = new SplittableRandom(7);
    long start = System.nanoTime();
    ConfusionMatrix counts = new ConfusionMatrix(classes);
    counts.update(yTrue, yPred, 0, scored);
    ScoreBuffer scores = ScoreBuffer.multiClass(classes);
    double[] row = new double[classes];
    for (int i = 0; i < scored; i++) {
      double sum = 0;
      for (int c = 0; c < classes; c++) {
        row[c] = random.nextDouble() + (c == yPred[i] ? classes : 0);
        sum += row[c];
      }
      for (int c = 0; c < classes; c++) {
        row[c] /= sum;
      }
      scores.add(yTrue[i], row);
    }
    long accumulated = System.nanoTime();
    EvaluationReport report = Evaluator.builder().build().multiClass(labels, counts, scores);
    long done = System.nanoTime();
    double seconds = (done - start) / 1e9;
    out.printf("run %d with probabilities: accumulate %.3f s, report with ranking metrics %.3f s, total"
        + " %.3f s = %,.0f predictions/s (one-vs-rest macro ROC-AUC %.4f)%n", run, (accumulated - start) / 1e9,
        (done - accumulated) / 1e9, seconds, scored / seconds,
        report.figure("roc_auc_ovr_macro").map(Figure::value).orElse(Double.NaN));
  }
}

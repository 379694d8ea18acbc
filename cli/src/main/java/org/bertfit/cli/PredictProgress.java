package org.bertfit.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;
import org.bertfit.datasets.io.ExampleStream;
import org.bertfit.inference.PredictStats;
import org.bertfit.inference.Prediction;
import org.bertfit.inference.PredictionStream;

/**
 * Drains a prediction stream, printing how far it is on stderr every few seconds and a summary at
 * the end: texts per second, the share of time in the model, and padding.
 */
final class PredictProgress {
  private static final long INTERVAL_NANOS = 10_000_000_000L;

  private final PrintWriter err;
  private final String command;
  private final long total;

  /**
   * @param command names the lines ({@code predict}, {@code evaluate})
   * @param total how many texts the run has, or -1 if not known
   */
  PredictProgress(PrintWriter err, String command, long total) {
    this.err = err;
    this.command = command;
    this.total = total;
  }

  /** Hands every prediction to {@code each}, in order; returns what the run did. */
  PredictStats drain(PredictionStream predictions, Consumer<Prediction> each) {
    long start = System.nanoTime();
    long last = start;
    while (predictions.hasNext()) {
      each.accept(predictions.next());
      long now = System.nanoTime();
      if (now - last >= INTERVAL_NANOS) {
        last = now;
        long done = predictions.stats().texts();
        err.printf(
            Locale.ROOT,
            "%s: %,d%s texts, %,.0f texts/s%n",
            command,
            done,
            total < 0
                ? ""
                : String.format(Locale.ROOT, " of %,d (%.0f%%)", total, 100.0 * done / total),
            done / seconds(now - start));
        err.flush();
      }
    }
    PredictStats stats = predictions.stats();
    double seconds = seconds(System.nanoTime() - start);
    err.printf(
        Locale.ROOT,
        "%s: %,d texts in %.1f s (%,.0f texts/s); model %.0f%% of the time, padding %.0f%% of"
            + " positions%s%n",
        command,
        stats.texts(),
        seconds,
        stats.texts() / seconds,
        100 * seconds(stats.sessionNanos()) / seconds,
        100 * stats.paddingShare(),
        stats.truncated() == 0
            ? ""
            : String.format(Locale.ROOT, "; %,d truncated to the maximum length", stats.truncated()));
    err.flush();
    return stats;
  }

  /** Prints how many bad rows {@code examples} skipped, by reason, when it skipped any. */
  void reportSkipped(ExampleStream examples) {
    if (examples.skipped().total() > 0) {
      err.println(command + ": skipped " + examples.skipped().total() + " bad rows: " + examples.skipped().summary());
    }
  }

  private static double seconds(long nanos) {
    return Math.max(nanos, 1) / 1e9;
  }
}

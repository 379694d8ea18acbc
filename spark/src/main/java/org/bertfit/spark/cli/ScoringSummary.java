package org.bertfit.spark.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.bertfit.spark.ScoredFrame;
import org.bertfit.spark.ScoringStats;

/** The line a Spark command prints on stderr when done: speed, and where the model tasks' time went. */
final class ScoringSummary {
  private ScoringSummary() {}

  static void print(PrintWriter err, String command, ScoredFrame scored, long startNanos) {
    ScoringStats s = scored.stats();
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    err.printf(
        Locale.ROOT,
        "%s: %,d texts in %.1f s (%,.0f texts/s), %d partitions; session runs %.0f%% of the model"
            + " tasks' time%n",
        command,
        scored.data().rows(),
        seconds,
        scored.data().rows() / seconds,
        scored.partitions(),
        100 * s.sessionShare());
    err.flush();
  }
}

package org.bertfit.spark;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;
import org.bertfit.datasets.Example;
import org.bertfit.datasets.io.RowRules;
import org.bertfit.inference.PredictionStream;
import org.bertfit.inference.Predictor;
import scala.Tuple2;

/**
 * Runs the model over one partition of whole windows, in input order: reads a few windows of rows on
 * the task's thread (Spark's iterators belong to it), streams them through a {@link Predictor}
 * (which tokenizes the next window while the session runs this one, and sorts texts by length
 * within a window as {@code bertfit evaluate} does), and yields each row with its prediction.
 *
 * <p>A test can kill a task: the local property {@value #KILL} = {@code P:N} makes partition
 * {@code P}'s first attempt throw after {@code N} rows.
 */
final class PartitionScorer implements Iterator<Row> {
  /** Local property that makes a task die once (for tests of Spark's retries). */
  static final String KILL = "bertfit.test.killTask";

  /** Windows read at a time. */
  private static final int CHUNK_WINDOWS = 4;

  private final Iterator<Tuple2<Long, Row>> input;
  private final RowReader reader;
  private final RowRules rules;
  private final Predictor predictor;
  private final PredictionColumns columns;
  private final StatsAccumulator stats;
  private final ArrayDeque<Row> ready = new ArrayDeque<>();
  private final long start = System.nanoTime();
  private final long killAfter;
  private ScoringStats sum = ScoringStats.NONE;
  private long emitted;
  private boolean reported;

  /** The partition's (example index, row) pairs, sorted by index; each must be a good row. */
  PartitionScorer(
      Iterator<Tuple2<Long, Row>> input,
      RowReader reader,
      Predictor predictor,
      PredictionColumns columns,
      StatsAccumulator stats) {
    this.input = input;
    this.reader = reader;
    this.rules = reader.rules();
    this.predictor = predictor;
    this.columns = columns;
    this.stats = stats;
    this.killAfter = killAfter(TaskContext.get());
  }

  @Override
  public boolean hasNext() {
    if (ready.isEmpty() && input.hasNext()) {
      scoreChunk();
    }
    if (ready.isEmpty() && !reported) {
      reported = true;
      stats.add(
          new Tuple2<>(TaskContext.getPartitionId(), sum.task(System.nanoTime() - start)));
    }
    return !ready.isEmpty();
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    if (emitted++ == killAfter) {
      throw new IllegalStateException(
          KILL + ": partition " + TaskContext.getPartitionId() + " dies after " + killAfter
              + " rows on its first attempt");
    }
    return ready.poll();
  }

  private void scoreChunk() {
    List<Row> rows = new ArrayList<>();
    List<Example> examples = new ArrayList<>();
    int chunk = predictor.windowSize() * CHUNK_WINDOWS;
    while (rows.size() < chunk && input.hasNext()) {
      Tuple2<Long, Row> next = input.next();
      examples.add(reader.known(rules, next._2(), next._1()));
      rows.add(next._2());
    }
    try (PredictionStream predictions = predictor.predict(examples.iterator())) {
      for (Row row : rows) {
        ready.add(columns.row(row, predictions.next()));
      }
      sum = sum.plus(ScoringStats.of(predictions.stats()));
    }
  }

  /** Rows after which this task dies, or -1. */
  private static long killAfter(TaskContext task) {
    String kill = task.getLocalProperty(KILL);
    if (kill == null || task.attemptNumber() > 0) {
      return -1;
    }
    String[] parts = kill.split(":");
    return Integer.parseInt(parts[0]) == task.partitionId() ? Long.parseLong(parts[1]) : -1;
  }
}

package org.bertfit.spark;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.util.AccumulatorV2;
import scala.Tuple2;

/**
 * Collects the tasks' {@link ScoringStats} by partition. A partition computed again (a retried
 * stage, a second action) replaces its figures instead of adding them; Spark drops the updates of
 * failed tasks. Synchronized: the driver merges updates on the scheduler's thread.
 */
final class StatsAccumulator extends AccumulatorV2<Tuple2<Integer, ScoringStats>, ScoringStats> {
  private static final long serialVersionUID = 1L;

  private final HashMap<Integer, ScoringStats> byPartition = new HashMap<>();

  @Override
  public synchronized boolean isZero() {
    return byPartition.isEmpty();
  }

  @Override
  public synchronized StatsAccumulator copy() {
    StatsAccumulator copy = new StatsAccumulator();
    copy.byPartition.putAll(byPartition);
    return copy;
  }

  @Override
  public synchronized void reset() {
    byPartition.clear();
  }

  @Override
  public synchronized void add(Tuple2<Integer, ScoringStats> partition) {
    byPartition.put(partition._1(), partition._2());
  }

  @Override
  public synchronized void merge(AccumulatorV2<Tuple2<Integer, ScoringStats>, ScoringStats> other) {
    byPartition.putAll(((StatsAccumulator) other).byPartition);
  }

  @Override
  public synchronized ScoringStats value() {
    ScoringStats sum = ScoringStats.NONE;
    for (Map.Entry<Integer, ScoringStats> e : byPartition.entrySet()) {
      sum = sum.plus(e.getValue());
    }
    return sum;
  }
}

package org.bertfit.spark;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import org.bertfit.inference.shard.EvaluationState;

/**
 * The evaluation states of partitions, by partition, in the JSON form of {@link
 * EvaluationState#toJson}: what {@code treeAggregate} combines. Combining keeps each partition's
 * state apart, and {@link #merged} adds them in partition order, so that the scores are in input
 * order as in one run of {@code bertfit evaluate} (sums such as the log loss depend on that
 * order). A partition counted twice is an error, as is a missing one.
 */
final class ShardStates implements Serializable {
  private static final long serialVersionUID = 1L;

  private final TreeMap<Integer, String> states = new TreeMap<>();

  /** Nothing yet. */
  ShardStates() {}

  /** One partition's state. */
  static ShardStates of(int partition, EvaluationState state) {
    ShardStates one = new ShardStates();
    one.states.put(partition, state.toJson());
    return one;
  }

  /** Adds {@code other}'s partitions to these. */
  ShardStates add(ShardStates other) {
    for (Map.Entry<Integer, String> e : other.states.entrySet()) {
      if (states.putIfAbsent(e.getKey(), e.getValue()) != null) {
        throw new IllegalStateException("partition " + e.getKey() + " was counted twice");
      }
    }
    return this;
  }

  /**
   * The state of the whole input.
   *
   * @throws IllegalArgumentException unless the states are the partitions 0..n-1 of one run
   */
  EvaluationState merged() {
    return EvaluationState.merge(states.values().stream().map(EvaluationState::fromJson).toList());
  }
}

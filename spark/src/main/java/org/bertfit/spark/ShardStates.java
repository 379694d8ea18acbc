package org.bertfit.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bertfit.training.predict.EvaluationState;

/**
 * The evaluation states of partitions, by partition, in the JSON form of {@link
 * EvaluationState#save}: what {@code treeAggregate} combines. Combining keeps each partition's
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
    // EvaluationState writes and reads its JSON as files only.
    Path file = tempFile();
    try {
      state.save(file);
      one.states.put(partition, Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(file);
    }
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
    List<EvaluationState> parts = new ArrayList<>();
    Path file = tempFile();
    try {
      for (String json : states.values()) {
        Files.writeString(file, json, StandardCharsets.UTF_8);
        parts.add(EvaluationState.load(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(file);
    }
    return EvaluationState.merge(parts);
  }

  private static Path tempFile() {
    try {
      return Files.createTempFile("bertfit-evaluation-state", ".json");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

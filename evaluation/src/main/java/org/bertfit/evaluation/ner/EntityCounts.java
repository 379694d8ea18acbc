package org.bertfit.evaluation.ner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bertfit.evaluation.ClassificationReport;
import org.bertfit.evaluation.LabelCounts;
import org.bertfit.evaluation.LabelSet;
import org.bertfit.evaluation.ReportOptions;
import org.bertfit.evaluation.internal.Json;

/**
 * Streaming entity-level counts per entity type (exact span and type match), and the tags counted
 * and right (token accuracy, as seqeval's accuracy_score), mergeable across shards. Its report is
 * seqeval's classification_report: per type, then micro, macro and weighted averages.
 */
public final class EntityCounts implements LabelCounts {
  private final List<String> types = new ArrayList<>();
  private final Map<String, long[]> counts = new HashMap<>();
  private long sentences;
  private long tags;
  private long correctTags;

  /**
   * Serialisable counts: per type, {@code [truePositives, predicted, actual]}; sentences, tags and
   * correctly predicted tags.
   */
  public record State(
      List<String> types, long[][] counts, long sentences, long tags, long correctTags) {}

  public State state() {
    long[][] rows = new long[types.size()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = counts.get(types.get(i)).clone();
    }
    return new State(List.copyOf(types), rows, sentences, tags, correctTags);
  }

  public static EntityCounts fromState(State state) {
    EntityCounts c = new EntityCounts();
    for (int i = 0; i < state.types().size(); i++) {
      long[] row = c.countsOf(state.types().get(i));
      System.arraycopy(state.counts()[i], 0, row, 0, 3);
    }
    c.sentences = state.sentences();
    c.tags = state.tags();
    c.correctTags = state.correctTags();
    return c;
  }

  /** The state as JSON, to merge with other shards later. */
  public String toJson() {
    return Json.write(state());
  }

  public static EntityCounts fromJson(String json) {
    return fromState(Json.read(json, State.class));
  }

  /** Counts one sentence's true and predicted tags (same length). */
  public void update(List<String> trueTags, List<String> predTags) {
    if (trueTags.size() != predTags.size()) {
      throw new IllegalArgumentException("sentence has " + trueTags.size() + " true tags but "
          + predTags.size() + " predicted tags");
    }
    List<Entity> truth = Entities.of(trueTags);
    Set<Entity> predicted = new HashSet<>(Entities.of(predTags));
    for (Entity e : truth) {
      long[] c = countsOf(e.type());
      c[2]++;
      if (predicted.contains(e)) {
        c[0]++;
      }
    }
    for (Entity e : predicted) {
      countsOf(e.type())[1]++;
    }
    for (int i = 0; i < trueTags.size(); i++) {
      correctTags += trueTags.get(i).equals(predTags.get(i)) ? 1 : 0;
    }
    tags += trueTags.size();
    sentences++;
  }

  /** Adds another shard's counts to these. */
  public void merge(EntityCounts other) {
    for (String type : other.types) {
      long[] mine = countsOf(type);
      long[] theirs = other.counts.get(type);
      for (int i = 0; i < 3; i++) {
        mine[i] += theirs[i];
      }
    }
    sentences += other.sentences;
    tags += other.tags;
    correctTags += other.correctTags;
  }

  /** Forgets everything counted. */
  public void reset() {
    types.clear();
    counts.clear();
    sentences = 0;
    tags = 0;
    correctTags = 0;
  }

  /** Sentences counted. */
  public long sentences() {
    return sentences;
  }

  /** Tags (words) counted. */
  public long tags() {
    return tags;
  }

  /** The share of tags predicted exactly (seqeval's accuracy_score); NaN before any. */
  public double tokenAccuracy() {
    return tags == 0 ? Double.NaN : (double) correctTags / tags;
  }

  /** The entity types seen so far; ids are positions in this set. */
  public LabelSet types() {
    return LabelSet.of(types);
  }

  /** seqeval's report: types sorted, micro/macro/weighted averages. */
  public ClassificationReport report(ReportOptions options) {
    return ClassificationReport.of(this, types(), options);
  }

  @Override
  public int numLabels() {
    return types.size();
  }

  @Override
  public long truePositives(int label) {
    return counts.get(types.get(label))[0];
  }

  @Override
  public long predicted(int label) {
    return counts.get(types.get(label))[1];
  }

  @Override
  public long actual(int label) {
    return counts.get(types.get(label))[2];
  }

  private long[] countsOf(String type) {
    return counts.computeIfAbsent(type, t -> {
      types.add(t);
      return new long[3];
    });
  }
}

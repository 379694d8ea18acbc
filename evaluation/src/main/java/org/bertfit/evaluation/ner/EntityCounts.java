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

/**
 * Streaming entity-level counts per entity type (exact span and type match), mergeable across
 * shards. Its report is seqeval's classification_report: per type, then micro, macro and weighted
 * averages.
 */
public final class EntityCounts implements LabelCounts {
  private final List<String> types = new ArrayList<>();
  private final Map<String, long[]> counts = new HashMap<>();

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

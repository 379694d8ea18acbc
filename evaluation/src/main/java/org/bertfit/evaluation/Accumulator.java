package org.bertfit.evaluation;

import java.util.List;
import org.bertfit.evaluation.internal.Json;
import org.bertfit.evaluation.ner.EntityCounts;
import org.bertfit.evaluation.ner.EntityReport;

/**
 * The one accumulator of predictions that training logs, evaluation reports, shards and Spark
 * share: confusion counts of a single-label task, per-label counts of a multi-label one (with the
 * thresholds that decided), entity counts of a token classifier, and, when asked, every
 * probability row for the ranking metrics. {@link #update} batch by batch, {@link #reset}, {@link
 * #merge} another accumulator's counts exactly, save its {@link #state()} and load it back; its
 * result is the report of the evaluation module.
 */
public final class Accumulator {
  private final LabelSet labels;
  private final Thresholds thresholds;
  private final ConfusionMatrix confusion;
  private final MultiLabelConfusion multiLabel;
  private final EntityCounts entities;
  private final ScoreBuffer scores;

  /**
   * Serialisable contents: exactly one of {@code confusion}, {@code multiLabelConfusion} and
   * {@code entities} is set; {@code scores} when kept, {@code thresholds} when known.
   */
  public record State(
      List<String> labels,
      Thresholds thresholds,
      ConfusionMatrix.State confusion,
      MultiLabelConfusion.State multiLabelConfusion,
      ScoreBuffer.State scores,
      EntityCounts.State entities) {}

  private Accumulator(
      LabelSet labels, Thresholds thresholds, ConfusionMatrix confusion,
      MultiLabelConfusion multiLabel, EntityCounts entities, ScoreBuffer scores) {
    this.labels = labels;
    this.thresholds = thresholds;
    this.confusion = confusion;
    this.multiLabel = multiLabel;
    this.entities = entities;
    this.scores = scores;
  }

  /** Single-label counts; {@code keepScores} keeps every probability row. */
  public static Accumulator singleLabel(LabelSet labels, boolean keepScores) {
    int k = labels.size();
    return new Accumulator(labels, null, new ConfusionMatrix(k), null, null,
        keepScores ? ScoreBuffer.multiClass(k) : null);
  }

  /** Multi-label counts of decisions made by {@code thresholds} (null when unknown). */
  public static Accumulator multiLabel(LabelSet labels, Thresholds thresholds, boolean keepScores) {
    int k = labels.size();
    return new Accumulator(labels, thresholds, null, new MultiLabelConfusion(k), null,
        keepScores ? ScoreBuffer.multiLabel(k) : null);
  }

  /** Entity counts of a token classifier with these tags. */
  public static Accumulator tagging(LabelSet tags) {
    return new Accumulator(tags, null, null, null, new EntityCounts(), null);
  }

  /** An empty accumulator for batches like {@code batch} (scores kept if it has them). */
  public static Accumulator like(PredictionBatch batch, boolean keepScores) {
    boolean keep = keepScores && batch.hasProbabilities();
    if (batch.tagging()) {
      return tagging(batch.labels());
    }
    return batch.multiLabel()
        ? multiLabel(batch.labels(), batch.thresholds(), keep)
        : singleLabel(batch.labels(), keep);
  }

  /** An empty accumulator of the same kind, labels, thresholds and scores setting. */
  public Accumulator emptyCopy() {
    if (entities != null) {
      return tagging(labels);
    }
    return confusion != null
        ? singleLabel(labels, scores != null)
        : multiLabel(labels, thresholds, scores != null);
  }

  /** Counts a batch (scores too, when kept: the batch must then have probabilities). */
  public void update(PredictionBatch batch) {
    if (batch.tagging() != (entities != null) || batch.multiLabel() != (multiLabel != null)
        || !batch.labels().names().equals(labels.names())) {
      throw new IllegalArgumentException("a " + kind(batch.tagging(), batch.multiLabel())
          + " batch over " + batch.labels() + " cannot be counted by a "
          + kind(entities != null, multiLabel != null) + " accumulator over " + labels);
    }
    for (int i = 0; i < batch.size(); i++) {
      if (entities != null) {
        entities.update(batch.trueTags(i), batch.predictedTags(i));
        continue;
      }
      if (confusion != null) {
        confusion.update(batch.trueClass(i), batch.predictedClass(i));
      } else {
        multiLabel.update(batch.trueRow(i), batch.predictedRow(i));
      }
      if (scores != null) {
        if (confusion != null) {
          scores.add(batch.trueClass(i), batch.probabilityRow(i));
        } else {
          scores.add(batch.trueRow(i), batch.probabilityRow(i));
        }
      }
    }
  }

  private static String kind(boolean tagging, boolean multiLabel) {
    return tagging ? "token classification" : multiLabel ? "multi-label" : "single-label";
  }

  /**
   * The same multi-label examples decided by other thresholds, counted again from the kept scores
   * without running a model: what tuned thresholds give on the data they were tuned on.
   */
  public Accumulator decidedBy(Thresholds other) {
    if (multiLabel == null || scores == null) {
      throw new IllegalStateException(
          "deciding again by other thresholds needs a multi-label accumulator with scores; this is a " + describe());
    }
    if (!other.labels().equals(labels.names())) {
      throw new IllegalArgumentException("thresholds are for labels " + other.labels() + " but these counts are for "
          + labels.names());
    }
    Accumulator decided = multiLabel(labels, other, true);
    int[] truth = new int[labels.size()];
    for (int i = 0; i < scores.size(); i++) {
      double[] row = scores.row(i);
      for (int c = 0; c < truth.length; c++) {
        truth[c] = scores.isTarget(i, c) ? 1 : 0;
      }
      decided.multiLabel.update(truth, other.apply(row));
      decided.scores.add(truth, row);
    }
    return decided;
  }

  /** Forgets everything counted. */
  public void reset() {
    if (entities != null) {
      entities.reset();
    } else if (confusion != null) {
      confusion.reset();
    } else {
      multiLabel.reset();
    }
    if (scores != null) {
      scores.reset();
    }
  }

  /** Adds {@code other}'s counts (and scores, after these) to these. */
  public void merge(Accumulator other) {
    if (!other.labels.names().equals(labels.names()) || (other.entities == null) != (entities == null)
        || (other.confusion == null) != (confusion == null) || (other.scores == null) != (scores == null)) {
      throw new IllegalArgumentException("cannot merge a " + other.describe() + " into a " + describe());
    }
    if (entities != null) {
      entities.merge(other.entities);
    } else if (confusion != null) {
      confusion.merge(other.confusion);
    } else {
      multiLabel.merge(other.multiLabel);
    }
    if (scores != null) {
      scores.merge(other.scores);
    }
  }

  private String describe() {
    return kind(entities != null, multiLabel != null) + " accumulator over " + labels
        + (scores != null ? " with scores" : " without scores");
  }

  public State state() {
    return new State(
        labels.names(),
        thresholds,
        confusion == null ? null : confusion.state(),
        multiLabel == null ? null : multiLabel.state(),
        scores == null ? null : scores.state(),
        entities == null ? null : entities.state());
  }

  public static Accumulator fromState(State s) {
    int kinds = (s.confusion() != null ? 1 : 0) + (s.multiLabelConfusion() != null ? 1 : 0)
        + (s.entities() != null ? 1 : 0);
    if (kinds != 1) {
      throw new IllegalArgumentException(
          "an accumulator state holds one of confusion, multiLabelConfusion and entities; got "
              + kinds);
    }
    return new Accumulator(
        LabelSet.of(s.labels()),
        s.thresholds(),
        s.confusion() == null ? null : ConfusionMatrix.fromState(s.confusion()),
        s.multiLabelConfusion() == null ? null : MultiLabelConfusion.fromState(s.multiLabelConfusion()),
        s.entities() == null ? null : EntityCounts.fromState(s.entities()),
        s.scores() == null ? null : ScoreBuffer.fromState(s.scores()));
  }

  /** The state as JSON. */
  public String toJson() {
    return Json.write(state());
  }

  public static Accumulator fromJson(String json) {
    return fromState(Json.read(json, State.class));
  }

  /** Whether this counts a token classifier's entities. */
  public boolean tagging() {
    return entities != null;
  }

  public boolean multiLabel() {
    return multiLabel != null;
  }

  /** The task's labels (tags for a token classifier), by id. */
  public LabelSet labels() {
    return labels;
  }

  /** The multi-label thresholds that decided, or null. */
  public Thresholds thresholds() {
    return thresholds;
  }

  /** Examples (sentences) counted. */
  public long examples() {
    if (entities != null) {
      return entities.sentences();
    }
    return confusion != null ? confusion.total() : multiLabel.examples();
  }

  /** The counts precision and recall come from: per class, per label, or per entity type. */
  public LabelCounts counts() {
    if (entities != null) {
      return entities;
    }
    return confusion != null ? confusion : multiLabel;
  }

  /** The names of {@link #counts()}'s labels: the labels, or the entity types seen. */
  public LabelSet countedLabels() {
    return entities != null ? entities.types() : labels;
  }

  /** Accuracy; subset accuracy for multi-label; word accuracy for a token classifier. */
  public double accuracy() {
    if (entities != null) {
      return entities.tokenAccuracy();
    }
    return confusion != null ? confusion.accuracy() : multiLabel.subsetAccuracy();
  }

  /** Every probability row with its truth, or null when not kept. */
  public ScoreBuffer scores() {
    return scores;
  }

  /** The class-wise report of a text classifier, as {@code bertfit report} gives it. */
  public EvaluationReport report(Evaluator evaluator) {
    if (entities != null) {
      throw new IllegalStateException("a token classifier's evaluation: see entityReport");
    }
    return confusion != null
        ? evaluator.multiClass(labels, confusion, scores)
        : evaluator.multiLabel(labels, multiLabel, scores).withThresholds(thresholds);
  }

  /** The entity-level report of a token classifier. */
  public EntityReport entityReport(ReportOptions options) {
    if (entities == null) {
      throw new IllegalStateException("not a token classifier's evaluation: see report");
    }
    return EntityReport.of(entities, options);
  }
}

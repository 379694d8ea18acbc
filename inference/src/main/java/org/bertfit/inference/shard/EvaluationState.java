package org.bertfit.inference.shard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.bertfit.evaluation.Accumulator;
import org.bertfit.evaluation.Diagnostic;
import org.bertfit.evaluation.EvaluationReport;
import org.bertfit.evaluation.Evaluator;
import org.bertfit.evaluation.LabelDecoder;
import org.bertfit.evaluation.LabelSet;
import org.bertfit.evaluation.PredictionBatch;
import org.bertfit.evaluation.ReportOptions;
import org.bertfit.evaluation.ner.EntityReport;
import org.bertfit.inference.Prediction;
import org.bertfit.models.export.ModelFiles;

/**
 * One evaluation run over a shard of labelled data: the evaluation module's {@link Accumulator}
 * (confusion counts and, unless left out, every probability row for the ranking metrics; entity
 * counts for a token classifier), with what it ran: the model, the data and the batching. Saved as
 * JSON; the states of all shards {@link #merge} into exactly the state of one unsharded run, so
 * their reports are identical.
 */
public final class EvaluationState {
  private static final int VERSION = 2;
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

  /**
   * What every shard of one evaluation shares; shards merge only when theirs are equal.
   *
   * @param model the model's fingerprint ({@link ModelFiles#fingerprint})
   * @param data the whole input, as the first pass found it
   * @param windowSize rows a window (texts are batched within windows)
   */
  public record Origin(String model, DataSummary data, int windowSize) {}

  /** The saved form. */
  private record Saved(int version, Origin origin, Shard shard, Accumulator.State counts) {}

  private final Origin origin;
  private final Shard shard;
  private final Accumulator counts;

  private EvaluationState(Origin origin, Shard shard, Accumulator counts) {
    this.origin = origin;
    this.shard = shard;
    this.counts = counts;
  }

  /** An empty state for {@code shard} of the evaluation of a token classifier. */
  public static EvaluationState startTagging(Origin origin, Shard shard, List<String> labels) {
    return new EvaluationState(origin, shard, Accumulator.tagging(LabelSet.of(labels)));
  }

  /**
   * An empty state for {@code shard} of an evaluation.
   *
   * @param decoder the model's decision rule (multi-label thresholds are shown in the report)
   * @param keepScores whether to keep every probability row for the ranking metrics
   */
  public static EvaluationState start(
      Origin origin, Shard shard, List<String> labels, LabelDecoder decoder, boolean keepScores) {
    return new EvaluationState(origin, shard, decoder.accumulator(LabelSet.of(labels), keepScores));
  }

  /** Counts one prediction against the example's true labels (or tags). */
  public void add(Prediction p) {
    LabelSet labels = counts.labels();
    List<String> truth = p.example().labels();
    if (counts.tagging()) {
      counts.update(PredictionBatch.tags(labels, List.of(truth), List.of(p.tags(labels.names()))));
    } else if (counts.multiLabel()) {
      counts.update(PredictionBatch.labelSets(labels, indicators(labels.ids(truth), labels.size()),
          indicators(p.labels(), labels.size()), p.probabilities(), counts.thresholds()));
    } else {
      counts.update(PredictionBatch.classes(
          labels, new int[] {labels.id(truth.get(0))}, p.labels(), p.probabilities()));
    }
  }

  private static int[] indicators(int[] ids, int width) {
    int[] row = new int[width];
    for (int id : ids) {
      row[id] = 1;
    }
    return row;
  }

  /** How many examples were counted. */
  public long examples() {
    return counts.examples();
  }

  /** The evaluation module's accumulator of this state. */
  public Accumulator counts() {
    return counts;
  }

  /** Whether this state counts a token classifier's entities. */
  public boolean tagging() {
    return counts.tagging();
  }

  /** The report of what this state counted, with the data's and the shard's warnings first. */
  public EvaluationReport report(Evaluator evaluator) {
    return counts.report(evaluator).withWarningsFirst(dataWarnings());
  }

  /** The entity-level report of a token classifier, with the data's and the shard's warnings. */
  public EntityReport entityReport(ReportOptions options) {
    return counts.entityReport(options).withWarningsFirst(dataWarnings());
  }

  /** Skipped rows, and which rows a shard covers. */
  private List<Diagnostic> dataWarnings() {
    List<Diagnostic> first = new ArrayList<>();
    DataSummary data = origin.data();
    if (data.skipped().total() > 0) {
      first.add(
          new Diagnostic(
              "skipped-rows",
              data.skipped().total()
                  + " bad rows of "
                  + data.source()
                  + " were skipped and not evaluated: "
                  + data.skipped().summary()));
    }
    if (shard.count() > 1) {
      first.add(
          new Diagnostic(
              "partial-shard",
              String.format(
                  Locale.ROOT,
                  "this report covers shard %s, rows %,d to %,d of %,d; bertfit report --merge"
                      + " combines the states of all shards into the full report",
                  shard,
                  shard.from(data.rows(), origin.windowSize()) + 1,
                  shard.to(data.rows(), origin.windowSize()),
                  data.rows())));
    }
    return first;
  }

  /**
   * Combines the states of every shard of one evaluation into the state of the whole.
   *
   * @throws IllegalArgumentException when a shard is missing or repeated, or the states come from
   *     other models, data or batch settings
   */
  public static EvaluationState merge(List<EvaluationState> states) {
    if (states.isEmpty()) {
      throw new IllegalArgumentException("no shard states to merge");
    }
    List<EvaluationState> sorted = new ArrayList<>(states);
    sorted.sort(Comparator.comparingInt(s -> s.shard.index()));
    EvaluationState first = sorted.get(0);
    int count = first.shard.count();
    for (int i = 0; i < sorted.size(); i++) {
      EvaluationState s = sorted.get(i);
      if (s.shard.count() != count || s.shard.index() != i || sorted.size() != count) {
        throw new IllegalArgumentException(
            "the states must be the shards 0/"
                + count
                + " to "
                + (count - 1)
                + "/"
                + count
                + " once each; got "
                + sorted.stream().map(x -> x.shard.toString()).collect(Collectors.joining(", ")));
      }
      requireSameRun(first, s);
    }
    EvaluationState whole = new EvaluationState(first.origin, Shard.ALL, first.counts.emptyCopy());
    for (EvaluationState s : sorted) {
      whole.counts.merge(s.counts);
    }
    return whole;
  }

  private static void requireSameRun(EvaluationState first, EvaluationState other) {
    String what = null;
    if (!first.origin.model().equals(other.origin.model())) {
      what = "another model";
    } else if (!sameData(first.origin.data(), other.origin.data())) {
      what = "other data";
    } else if (first.origin.windowSize() != other.origin.windowSize()) {
      what = "another batch size";
    } else if ((first.counts.scores() == null) != (other.counts.scores() == null)) {
      what = "another --scores setting";
    }
    if (what != null) {
      throw new IllegalArgumentException(
          "shard "
              + other.shard
              + " was evaluated with "
              + what
              + " than shard "
              + first.shard
              + "; merge the shards of one evaluation");
    }
  }

  /** The same rows, whatever the path they were read from on each machine. */
  private static boolean sameData(DataSummary a, DataSummary b) {
    return a.rows() == b.rows()
        && a.fingerprint().equals(b.fingerprint())
        && a.skipped().equals(b.skipped());
  }

  /** Writes the state as JSON. */
  public void save(Path file) {
    try {
      Files.writeString(file, toJson(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** The state as JSON, as {@link #save} writes it. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(new Saved(VERSION, origin, shard, counts.state()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write an evaluation state: " + e.getMessage(), e);
    }
  }

  /** Reads a state that {@link #save} wrote. */
  public static EvaluationState load(Path file) {
    try {
      return fromJson(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such file", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /** Reads a state that {@link #toJson} wrote. */
  public static EvaluationState fromJson(String json) {
    Saved s;
    try {
      s = JSON.readValue(json, Saved.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not an evaluation state: " + e.getOriginalMessage(), e);
    }
    if (s.version() != VERSION) {
      throw new IllegalArgumentException(
          "evaluation state version " + s.version() + "; this bertfit reads " + VERSION);
    }
    return new EvaluationState(s.origin(), s.shard(), Accumulator.fromState(s.counts()));
  }
}

package org.bertfit.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.bertfit.datasets.io.RowRules;
import org.bertfit.inference.Classifier;
import org.bertfit.inference.Prediction;
import org.bertfit.inference.shard.DataSummary;
import org.bertfit.inference.shard.EvaluationState;
import org.bertfit.inference.shard.Shard;

/**
 * An input with the model's predictions, computed by Spark when used: as a DataFrame of the input's
 * columns with {@code predicted_label} (or {@code predicted_labels}) and {@code scores}, in input
 * order, or evaluated into the accumulators of {@code bertfit evaluate}. Partition {@code p} of
 * {@code n} holds {@link Shard} {@code p/n} of the input's examples, so that texts are batched as
 * in one run of {@code bertfit evaluate}. Use both with {@link #cache()} to run the model once.
 */
public final class ScoredFrame implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SparkClassifier classifier;
  private final JavaRDD<Row> scored;
  private final StructType schema;
  private final DataSummary data;
  private final RowReader reader;
  private final PredictionColumns columns;
  private final StatsAccumulator stats;

  ScoredFrame(
      SparkClassifier classifier,
      JavaRDD<Row> scored,
      StructType schema,
      DataSummary data,
      RowReader reader,
      PredictionColumns columns,
      StatsAccumulator stats) {
    this.classifier = classifier;
    this.scored = scored;
    this.schema = schema;
    this.data = data;
    this.reader = reader;
    this.columns = columns;
    this.stats = stats;
  }

  /** The input as the first pass found it: examples, skipped rows. */
  public DataSummary data() {
    return data;
  }

  /** Partitions the model runs in. */
  public int partitions() {
    return scored.getNumPartitions();
  }

  /** The input's good rows with their predictions, in input order. */
  public Dataset<Row> predictions() {
    return classifier.spark().createDataFrame(scored, schema);
  }

  /**
   * Runs the model (unless cached) and combines the partitions' accumulators with {@code
   * treeAggregate} into the state of the whole input: its report is {@code bertfit evaluate}'s.
   *
   * @param keepScores keep every probability row for the ranking metrics
   */
  public EvaluationState evaluate(boolean keepScores) {
    if (!reader.labelled()) {
      throw new IllegalStateException("evaluation needs labelled data; no label column is set");
    }
    String origin =
        originJson(
            new EvaluationState.Origin(
                classifier.files().fingerprint(), data, classifier.windowSize()));
    int n = partitions();
    RowReader rows = reader;
    PredictionColumns predicted = columns;
    ExecutorClassifiers.Key key = classifier.model();
    return scored
        .mapPartitionsWithIndex(
            (p, it) -> {
              Shard shard = new Shard(p, n);
              EvaluationState state = fold(shard, it, origin, rows, predicted, key, keepScores);
              return List.of(ShardStates.of(p, state)).iterator();
            },
            true)
        .treeAggregate(new ShardStates(), ShardStates::add, ShardStates::add)
        .merged();
  }

  /** Where the model tasks spent their time (every partition computed so far). */
  public ScoringStats stats() {
    return stats.value();
  }

  /** Keeps the predictions once computed (memory, then disk), for more than one use. */
  public ScoredFrame cache() {
    scored.persist(StorageLevel.MEMORY_AND_DISK());
    return this;
  }

  /** Drops the cached predictions. */
  @Override
  public void close() {
    scored.unpersist(false);
  }

  /** One partition's predictions counted into a fresh state for its shard. */
  private static EvaluationState fold(
      Shard shard,
      Iterator<Row> rows,
      String origin,
      RowReader reader,
      PredictionColumns columns,
      ExecutorClassifiers.Key key,
      boolean keepScores) {
    Classifier classifier = ExecutorClassifiers.get(key);
    EvaluationState state =
        EvaluationState.start(
            origin(origin), shard, classifier.labels(), classifier.decoder(), keepScores);
    RowRules rules = reader.rules();
    for (long i = 0; rows.hasNext(); i++) {
      Row row = rows.next();
      float[] probabilities = columns.probabilities(row);
      state.add(
          new Prediction(
              reader.known(rules, row, i),
              probabilities,
              classifier.decoder().decide(probabilities, 0)));
    }
    return state;
  }

  private static String originJson(EvaluationState.Origin origin) {
    try {
      return JSON.writeValueAsString(origin);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static EvaluationState.Origin origin(String json) {
    try {
      return JSON.readValue(json, EvaluationState.Origin.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

package org.bertfit.spark;

import org.bertfit.models.testing.TinySavedModels;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.SparkSession;
import org.bertfit.datasets.Task;
import org.bertfit.models.BertConfig;

/** A local Spark session that retries a failed task once, tiny models, and labelled files. */
public final class SparkFixtures {
  public static final List<String> LABELS = List.of("anger", "fear", "joy", "love", "sadness", "surprise");
  private static final ObjectMapper JSON = new ObjectMapper();

  private SparkFixtures() {}

  /**
   * {@code local[2,2]}: two cores, a task may fail once (plain {@code local[2]} never retries).
   * Splittable files are read in 64 KB splits, so that small ones have several partitions.
   */
  public static SparkSession session() {
    return SparkSession.builder()
        .master("local[2,2]")
        .appName("bertfit-spark-test")
        .config("spark.ui.enabled", false)
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", 4)
        .config("spark.sql.files.maxPartitionBytes", "64k")
        .getOrCreate();
  }

  public static Path model(Path dir, Task type, long seed) {
    BertConfig config =
        TinySavedModels.CONFIG.toBuilder().problemType(type).labels(LABELS).build();
    return TinySavedModels.modelDirectory(dir, config, seed);
  }

  /**
   * {@code n} labelled rows as CSV with a header, with a text that spans lines and has quotes and
   * a comma, and three bad rows (empty text, a missing label, a ragged row) before it.
   */
  public static Path csv(Path file, int n, long seed) {
    return delimited(file, n, seed, ",", true);
  }

  /** As {@link #csv}, tab-separated, without a header. */
  public static Path tsv(Path file, int n, long seed) {
    return delimited(file, n, seed, "\t", false);
  }

  private static Path delimited(Path file, int n, long seed, String separator, boolean header) {
    List<String> lines = new ArrayList<>();
    if (header) {
      lines.add(String.join(separator, "text", "label"));
    }
    List<String> texts = TinySavedModels.texts(n, seed);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      lines.add(String.join(separator, texts.get(i), LABELS.get(random.nextInt(LABELS.size()))));
      switch (i) {
        case 100 -> lines.add(String.join(separator, "", "joy"));
        case 500 -> lines.add(String.join(separator, "no label here", ""));
        case 900 -> lines.add(String.join(separator, "one", "joy", "too many"));
        case 1_500 -> lines.add(String.join(separator, "\"she said \"\"good day\"\",\nand left\"", "love"));
        default -> {}
      }
    }
    return write(file, lines);
  }

  /**
   * {@code n} multi-label rows as JSON lines (label arrays, some empty), with three bad rows: text
   * null, label null, a line that is not JSON.
   */
  public static Path multiLabelJsonl(Path file, int n, long seed) {
    List<String> lines = new ArrayList<>();
    List<String> texts = TinySavedModels.texts(n, seed);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      ObjectNode row = JSON.createObjectNode().put("id", i).put("text", texts.get(i));
      var labels = row.putArray("label");
      for (String label : LABELS) {
        if (random.nextInt(4) == 0) {
          labels.add(label);
        }
      }
      lines.add(row.toString());
      switch (i) {
        case 10 -> lines.add("{\"id\": -1, \"text\": null, \"label\": [\"joy\"]}");
        case 500 -> lines.add("{\"id\": -2, \"text\": \"x\", \"label\": null}");
        case 900 -> lines.add("{\"id\": -3, \"text\": \"broken");
        default -> {}
      }
    }
    return write(file, lines);
  }

  public static Path write(Path file, List<String> lines) {
    try {
      return Files.write(file, lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

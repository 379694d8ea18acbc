package org.bertfit.spark;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.bertfit.datasets.Example;
import org.bertfit.datasets.io.BadInputException;
import org.bertfit.datasets.io.RowRules;
import org.bertfit.datasets.io.SkipReason;
import org.bertfit.datasets.io.SkipReport;
import org.bertfit.inference.shard.DataSummary;

/**
 * The first pass over the input, a task a partition, as {@code bertfit evaluate}'s first pass: rows
 * and bad rows by reason, and a digest of the examples. The driver gets one small summary a
 * partition, from which it learns where each partition's rows stand in the whole input (for row
 * numbers and window boundaries), without any row leaving its executor.
 *
 * @param data the whole input: examples, skipped rows with their numbers, fingerprint
 * @param rowsBefore rows (good and bad) of the partitions before each
 * @param examplesBefore good rows of the partitions before each
 * @param firstRejection the first bad row of the input, or null
 */
record InputScan(
    DataSummary data, long[] rowsBefore, long[] examplesBefore, BadInputException firstRejection) {

  /** What one partition holds; its row numbers count from the partition's first row. */
  record Part(
      long rows,
      long examples,
      Map<SkipReason, Integer> skipped,
      Map<SkipReason, List<Long>> lines,
      BadInputException first,
      byte[] digest)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** Runs the pass over {@code rows} (one job) and combines the partitions' summaries. */
  static InputScan run(JavaRDD<Row> rows, RowReader reader, ExampleFrame frame) {
    long headerLines = frame.headerLines();
    List<Part> parts =
        rows.mapPartitions(it -> List.of(scan(reader, headerLines, it)).iterator()).collect();
    return combine(frame.source(), parts, frame.options().reportedLines());
  }

  private static Part scan(RowReader reader, long headerLines, Iterator<Row> rows) {
    RowRules rules = reader.rules();
    MessageDigest sha = sha256();
    long count = 0;
    long examples = 0;
    while (rows.hasNext()) {
      count++;
      Example e = reader.example(rules, rows.next(), headerLines + count);
      if (e != null) {
        examples++;
        String pair = e.textPair() == null ? "" : e.textPair();
        String labels = String.join("\u001f", e.labels());
        sha.update((e.text() + '\0' + pair + '\0' + labels + '\n').getBytes(StandardCharsets.UTF_8));
      }
    }
    SkipReport skipped = rules.skipped();
    return new Part(
        count, examples, skipped.counts(), skipped.lines(), rules.firstRejection(), sha.digest());
  }

  private static InputScan combine(String source, List<Part> parts, int reportedLines) {
    long[] rowsBefore = new long[parts.size()];
    long[] examplesBefore = new long[parts.size()];
    Map<SkipReason, Integer> counts = new EnumMap<>(SkipReason.class);
    Map<SkipReason, List<Long>> lines = new EnumMap<>(SkipReason.class);
    BadInputException first = null;
    MessageDigest sha = sha256();
    long rows = 0;
    long examples = 0;
    for (int p = 0; p < parts.size(); p++) {
      Part part = parts.get(p);
      rowsBefore[p] = rows;
      examplesBefore[p] = examples;
      part.skipped().forEach((reason, n) -> counts.merge(reason, n, Integer::sum));
      for (Map.Entry<SkipReason, List<Long>> e : part.lines().entrySet()) {
        List<Long> kept = lines.computeIfAbsent(e.getKey(), r -> new ArrayList<>());
        for (long line : e.getValue()) {
          if (kept.size() < reportedLines) {
            kept.add(line + rows);
          }
        }
      }
      BadInputException bad = part.first();
      if (first == null && bad != null) {
        first = new BadInputException(bad.reason(), source, bad.line() + rows, bad.detail());
      }
      sha.update(part.digest());
      rows += part.rows();
      examples += part.examples();
    }
    String fingerprint = HexFormat.of().formatHex(sha.digest(), 0, 16);
    DataSummary data =
        new DataSummary(source, examples, fingerprint, new SkipReport(counts, lines));
    return new InputScan(data, rowsBefore, examplesBefore, first);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

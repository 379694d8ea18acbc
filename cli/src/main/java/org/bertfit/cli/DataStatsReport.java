package org.bertfit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.bertfit.datasets.Task;
import org.bertfit.datasets.io.DataFormat;
import org.bertfit.datasets.io.SkipReason;
import org.bertfit.datasets.stats.DatasetStatistics;
import org.bertfit.datasets.stats.LengthStatistics;

/** Renders {@link DatasetStatistics} as text for people or as one JSON object for scripts. */
final class DataStatsReport {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final DatasetStatistics stats;
  private final DataFormat format;
  private final String tokenizer;

  DataStatsReport(DatasetStatistics stats, DataFormat format, String tokenizer) {
    this.stats = stats;
    this.format = format;
    this.tokenizer = tokenizer;
  }

  String text() {
    StringBuilder out = new StringBuilder();
    out.append(stats.source())
        .append(" (")
        .append(format.cliName())
        .append(", ")
        .append(taskName().replace('_', '-'))
        .append(")\n");
    out.append(stats.task() == Task.TOKEN_CLASSIFICATION ? "sentences: " : "rows: ")
        .append(stats.rows())
        .append('\n');
    out.append("skipped: ").append(stats.skipped().total()).append('\n');
    stats
        .skipped()
        .counts()
        .forEach(
            (reason, count) -> {
              if (reason.skips()) {
                out.append(
                    String.format(
                        Locale.ROOT, "  %-16s %d%s%n", reason.key(), count, lines(reason)));
              }
            });
    int multiLine = stats.skipped().count(SkipReason.MULTILINE_FIELD);
    if (multiLine > 0) {
      out.append(String.format(Locale.ROOT, "rows with a field over several lines (kept): %d%s%n",
          multiLine, lines(SkipReason.MULTILINE_FIELD)));
    }
    appendLabels(out);
    LengthStatistics lengths = stats.lengths();
    if (lengths != null && lengths.texts() > 0) {
      out.append("token lengths (")
          .append(tokenizer)
          .append(", max length ")
          .append(lengths.maxLength())
          .append("): ");
      out.append(
          lengths.percentiles().entrySet().stream()
              .map(e -> e.getKey() + " " + number(e.getValue()))
              .collect(Collectors.joining(", ")));
      out.append(String.format(Locale.ROOT, ", mean %.1f%n", lengths.mean()));
      out.append(
          String.format(
              Locale.ROOT,
              "truncated: %d of %d (%.2f%%); unknown tokens ([UNK]): %.2f%%%n",
              lengths.truncated(),
              lengths.texts(),
              100.0 * lengths.truncated() / lengths.texts(),
              100 * lengths.unknownShare()));
    }
    return out.toString();
  }

  private void appendLabels(StringBuilder out) {
    if (stats.labelCounts().isEmpty()) {
      return;
    }
    int width = stats.labelCounts().keySet().stream().mapToInt(String::length).max().orElse(5);
    out.append("labels: ")
        .append(stats.labelCounts().size())
        .append(", imbalance ratio (max/min) ")
        .append(number(stats.imbalanceRatio()))
        .append('\n');
    String share = stats.task() == Task.TOKEN_CLASSIFICATION ? "of tags" : "of rows";
    out.append(String.format(Locale.ROOT, "  %-" + width + "s %9s %8s%n", "label", "count", share));
    Map<String, Double> ratios = stats.labelRatios();
    stats
        .labelCounts()
        .forEach(
            (label, count) ->
                out.append(
                    String.format(
                        Locale.ROOT,
                        "  %-" + width + "s %9d %7.2f%%%n",
                        label,
                        count,
                        100 * ratios.get(label))));
    if (!stats.labelsPerExample().isEmpty()) {
      out.append("labels per example: ");
      out.append(
          stats.labelsPerExample().entrySet().stream()
              .map(e -> e.getKey() + ": " + e.getValue())
              .collect(Collectors.joining(", ")));
      out.append(String.format(Locale.ROOT, " (mean %.3f)%n", stats.meanLabelsPerExample()));
    }
  }

  private String lines(SkipReason reason) {
    List<Long> lines = stats.skipped().lines(reason);
    if (lines.isEmpty()) {
      return "";
    }
    String list = lines.stream().map(String::valueOf).collect(Collectors.joining(", "));
    boolean more = lines.size() < stats.skipped().count(reason);
    return " (line"
        + (lines.size() == 1 && !more ? " " : "s ")
        + list
        + (more ? ", ..." : "")
        + ")";
  }

  String json() {
    ObjectNode root = JSON.createObjectNode();
    root.put("path", stats.source());
    root.put("format", format.cliName());
    root.put("task", taskName());
    root.put("rows", stats.rows());
    ObjectNode skipped = root.putObject("skipped");
    skipped.put("total", stats.skipped().total());
    ObjectNode byReason = skipped.putObject("by_reason");
    stats
        .skipped()
        .counts()
        .forEach(
            (reason, count) -> {
              ObjectNode r =
                  reason.skips() ? byReason.putObject(reason.key()) : root.putObject(reason.key());
              r.put("count", count);
              stats.skipped().lines(reason).forEach(r.putArray("first_lines")::add);
            });
    ObjectNode counts = root.putObject("label_counts");
    stats.labelCounts().forEach(counts::put);
    ObjectNode ratios = root.putObject("label_ratios");
    stats.labelRatios().forEach(ratios::put);
    double imbalance = stats.imbalanceRatio();
    if (stats.labelCounts().isEmpty() || Double.isInfinite(imbalance)) {
      root.putNull("imbalance_ratio");
    } else {
      root.put("imbalance_ratio", imbalance);
    }
    if (!stats.labelsPerExample().isEmpty()) {
      ObjectNode perExample = root.putObject("labels_per_example");
      stats.labelsPerExample().forEach((k, v) -> perExample.put(k.toString(), v));
    }
    LengthStatistics lengths = stats.lengths();
    if (lengths != null) {
      root.put("tokenizer", tokenizer);
      root.put("max_length", lengths.maxLength());
      root.put("truncated", lengths.truncated());
      root.put("unknown_token_share", lengths.unknownShare());
      root.put("length_mean", lengths.mean());
      ObjectNode percentiles = root.putObject("length_percentiles");
      lengths.percentiles().forEach(percentiles::put);
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String taskName() {
    return stats.task().name().toLowerCase(Locale.ROOT);
  }

  private static String number(double value) {
    if (Double.isInfinite(value)) {
      return "inf (a label never occurs)";
    }
    return value == Math.rint(value)
        ? String.valueOf((long) value)
        : String.format(Locale.ROOT, "%.2f", value);
  }
}

package org.bertfit.training.callbacks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.bertfit.models.files.AtomicWrite;
import org.bertfit.training.Callback;
import org.bertfit.training.LogEntry;
import org.bertfit.training.TrainingState;

/**
 * Writes the training log as CSV (RFC 4180): a row per logging step ({@code kind} train) and per
 * validation run ({@code eval}), with the columns {@code step,epoch,kind}, then every value name in
 * the order it first appeared (names new in the same row in alphabetical order); a row leaves the
 * values it lacks empty, as it does a NaN.
 *
 * <p>Each row is appended to the file as it comes, so a crash keeps the rows so far. When a row
 * brings new names (the {@code eval_} values at the first validation), the file is rewritten with
 * the wider header, atomically. A fresh run starts the file anew; a run resumed from a checkpoint
 * rewrites it from the checkpoint's log (dropping rows the interrupted run logged past it) and goes
 * on.
 */
public final class CsvLogger implements Callback {
  private static final String EOL = "\r\n";

  private final Path file;
  private final Set<String> columns = new LinkedHashSet<>();

  public CsvLogger(Path file) {
    this.file = Objects.requireNonNull(file, "file");
  }

  @Override
  public void onTrainBegin(TrainingState state) {
    columns.clear();
    state.history().entries().forEach(row -> columns.addAll(new TreeSet<>(row.values().keySet())));
    rewrite(state.history().entries());
  }

  @Override
  public void onLog(TrainingState state, LogEntry entry) {
    add(state, entry);
  }

  @Override
  public void onEvaluate(TrainingState state, Map<String, Double> metrics) {
    add(state, new LogEntry(state.globalStep(), state.epochProgress(), "eval", metrics));
  }

  private void add(TrainingState state, LogEntry row) {
    if (columns.addAll(new TreeSet<>(row.values().keySet()))) {
      rewrite(state.history().entries()); // fit records each entry in the log before calling callbacks
      return;
    }
    try {
      Files.writeString(file, line(row), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the training log " + file, e);
    }
  }

  /** Replaces the log, atomically, with the header and {@code rows}. */
  private void rewrite(List<LogEntry> rows) {
    StringBuilder csv = new StringBuilder(header());
    rows.forEach(row -> csv.append(line(row)));
    AtomicWrite.text(file, csv.toString());
  }

  private String header() {
    StringBuilder s = new StringBuilder("step,epoch,kind");
    columns.forEach(name -> s.append(',').append(quote(name)));
    return s.append(EOL).toString();
  }

  private String line(LogEntry row) {
    StringBuilder s = new StringBuilder();
    s.append(row.step()).append(',').append(row.epoch()).append(',').append(row.kind());
    for (String name : columns) {
      Double value = row.values().get(name);
      s.append(',').append(value == null || value.isNaN() ? "" : value.toString());
    }
    return s.append(EOL).toString();
  }

  private static String quote(String field) {
    return field.matches("[^,\"\r\n]*") ? field : '"' + field.replace("\"", "\"\"") + '"';
  }
}

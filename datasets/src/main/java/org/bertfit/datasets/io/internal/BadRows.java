package org.bertfit.datasets.io.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bertfit.datasets.io.BadInputException;
import org.bertfit.datasets.io.BadInputPolicy;
import org.bertfit.datasets.io.SkipReason;
import org.bertfit.datasets.io.SkipReport;

/** Applies the bad-input policy: throws at the first bad row, or counts it and keeps its line. */
public final class BadRows {
  private final BadInputPolicy policy;
  private final int reportedLines;
  private final Map<SkipReason, Integer> counts = new EnumMap<>(SkipReason.class);
  private final Map<SkipReason, List<Long>> lines = new EnumMap<>(SkipReason.class);

  public BadRows(BadInputPolicy policy, int reportedLines) {
    this.policy = policy;
    this.reportedLines = reportedLines;
  }

  /**
   * Rejects the row at {@code line} of {@code file} (line 0: the whole file).
   *
   * @throws BadInputException under {@link BadInputPolicy#FAIL}
   */
  public void reject(SkipReason reason, String file, long line, String detail) {
    if (policy == BadInputPolicy.FAIL) {
      throw new BadInputException(reason, file, line, detail);
    }
    count(reason, line);
  }

  /** Counts a row that was kept but is worth a look ({@link SkipReason#skips()} false), never throwing. */
  public void note(SkipReason reason, long line) {
    count(reason, line);
  }

  private void count(SkipReason reason, long line) {
    counts.merge(reason, 1, Integer::sum);
    List<Long> kept = lines.computeIfAbsent(reason, r -> new ArrayList<>());
    if (line > 0 && kept.size() < reportedLines) {
      kept.add(line);
    }
  }

  /** Whether any row was rejected so far. */
  public boolean any() {
    return counts.keySet().stream().anyMatch(SkipReason::skips);
  }

  public SkipReport report() {
    Map<SkipReason, List<Long>> copies = new EnumMap<>(SkipReason.class);
    lines.forEach((reason, list) -> copies.put(reason, List.copyOf(list)));
    return new SkipReport(counts, copies);
  }
}

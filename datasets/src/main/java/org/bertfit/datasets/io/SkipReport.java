package org.bertfit.datasets.io;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The rows a reader skipped, by reason: how many, and the line numbers of the first few.
 *
 * @param counts number of skipped rows (or files, for {@link SkipReason#EMPTY_FILE}) by reason
 * @param lines the first line numbers of each reason, in file order
 */
public record SkipReport(Map<SkipReason, Integer> counts, Map<SkipReason, List<Long>> lines) {
  /** A report of nothing skipped. */
  public static final SkipReport NONE = new SkipReport(Map.of(), Map.of());

  public SkipReport {
    counts = Collections.unmodifiableMap(copy(counts));
    lines = Collections.unmodifiableMap(copy(lines));
  }

  private static <V> EnumMap<SkipReason, V> copy(Map<SkipReason, V> map) {
    return map.isEmpty() ? new EnumMap<>(SkipReason.class) : new EnumMap<>(map);
  }

  /** Number of skipped rows for {@code reason}. */
  public int count(SkipReason reason) {
    return counts.getOrDefault(reason, 0);
  }

  /** The first line numbers skipped for {@code reason}. */
  public List<Long> lines(SkipReason reason) {
    return lines.getOrDefault(reason, List.of());
  }

  /** Number of skipped rows over all reasons. */
  public int total() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }
}

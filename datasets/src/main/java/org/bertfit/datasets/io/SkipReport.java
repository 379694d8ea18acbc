package org.bertfit.datasets.io;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

  /**
   * The skips in one line for people, by reason with their first lines: {@code 2 malformed_row
   * (lines 4, 9), 1 empty_text (line 7)}; "..." when more lines were skipped than kept. Rows kept
   * ({@link SkipReason#skips()} false) are left out.
   */
  public String summary() {
    return counts.keySet().stream()
        .filter(SkipReason::skips)
        .map(
            reason -> {
              List<Long> kept = lines(reason);
              String listed = kept.stream().map(String::valueOf).collect(Collectors.joining(", "));
              boolean more = kept.size() < count(reason);
              return count(reason)
                  + " "
                  + reason.key()
                  + (kept.isEmpty()
                      ? ""
                      : " (line"
                          + (kept.size() == 1 && !more ? " " : "s ")
                          + listed
                          + (more ? ", ...)" : ")"));
            })
        .collect(Collectors.joining(", "));
  }

  /** Number of skipped rows over all reasons (rows kept, as {@link SkipReason#MULTILINE_FIELD}, not counted). */
  public int total() {
    return counts.entrySet().stream()
        .filter(e -> e.getKey().skips())
        .mapToInt(Map.Entry::getValue)
        .sum();
  }
}

package org.bertfit.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What {@code fit} logged, in order, as Keras' {@code History} and Hugging Face's log history: a
 * read-only view of the loop's log, which grows while {@code fit} runs.
 */
public final class History {
  private final List<LogEntry> entries;

  /** A read-only view of {@code entries}. */
  public History(List<LogEntry> entries) {
    this.entries = Collections.unmodifiableList(entries);
  }

  public List<LogEntry> entries() {
    return entries;
  }

  /** The values of one name ({@code loss}, {@code eval_f1_macro}, ...) in log order. */
  public List<Double> values(String name) {
    List<Double> out = new ArrayList<>();
    for (LogEntry e : entries) {
      Double v = e.values().get(name);
      if (v != null) {
        out.add(v);
      }
    }
    return out;
  }

  /** The last entry of a kind ({@code train} or {@code eval}). */
  public Optional<LogEntry> last(String kind) {
    for (int i = entries.size() - 1; i >= 0; i--) {
      if (entries.get(i).kind().equals(kind)) {
        return Optional.of(entries.get(i));
      }
    }
    return Optional.empty();
  }
}

package org.bertfit.datasets.io.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks labels against a fixed label set: a label is one of the names, or an id into the list
 * (TweetEval's {@code 0}, {@code 1}, {@code 2} with {@code mapping.txt}). Without a set every label
 * is accepted as written.
 */
public final class LabelResolver {
  private static final int LISTED = 30;

  private final List<String> names;
  private final Map<String, String> byNameOrId = new HashMap<>();

  public LabelResolver(List<String> names) {
    this.names = List.copyOf(names);
    for (int id = 0; id < names.size(); id++) {
      byNameOrId.putIfAbsent(Integer.toString(id), names.get(id));
    }
    for (String name : names) {
      byNameOrId.put(name, name);
    }
  }

  /** The label name for {@code label}, or null when the set does not know it. */
  public String resolve(String label) {
    return names.isEmpty() ? label : byNameOrId.get(label);
  }

  /** The message for an unknown label: {@code unknown label 'joyy'; known: anger, fear, ...}. */
  public String unknown(String label) {
    StringBuilder known = new StringBuilder();
    for (int i = 0; i < Math.min(LISTED, names.size()); i++) {
      known.append(i == 0 ? "" : ", ").append(names.get(i));
    }
    if (names.size() > LISTED) {
      known.append(", ... (").append(names.size() - LISTED).append(" more)");
    }
    String ids = label.matches("\\d+") ? " (ids 0-" + (names.size() - 1) + ")" : "";
    return "unknown label '" + label + "'; known: " + known + ids;
  }
}

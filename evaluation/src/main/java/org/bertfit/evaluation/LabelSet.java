package org.bertfit.evaluation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The class names of a task and their ids (id = position). Accumulators count by id; reports print
 * names.
 */
public final class LabelSet {
  /**
   * scikit-learn's order for a label array: numeric when every label is an integer, else by string.
   */
  public static final Comparator<String> ORDER = LabelSet::compare;

  private final List<String> names;
  private final Map<String, Integer> ids;

  private LabelSet(List<String> names) {
    this.names = List.copyOf(names);
    this.ids = new HashMap<>();
    for (int i = 0; i < this.names.size(); i++) {
      if (ids.put(this.names.get(i), i) != null) {
        throw new IllegalArgumentException("labels must be unique; '" + names.get(i) + "' repeats");
      }
    }
  }

  /** The labels in the given order (a model's id-to-label order, or a multi-label column order). */
  public static LabelSet of(List<String> names) {
    return new LabelSet(names);
  }

  /** The sorted union of the given labels, as scikit-learn's {@code unique_labels} orders them. */
  @SafeVarargs
  public static LabelSet sortedUnion(Collection<String>... labelLists) {
    boolean numeric = true;
    TreeSet<String> all = new TreeSet<>();
    for (Collection<String> labels : labelLists) {
      all.addAll(labels);
    }
    for (String label : all) {
      numeric &= isInteger(label);
    }
    List<String> sorted = new ArrayList<>(all);
    if (numeric) {
      sorted.sort(Comparator.comparing(Long::parseLong));
    }
    return new LabelSet(sorted);
  }

  public int size() {
    return names.size();
  }

  public String name(int id) {
    return names.get(id);
  }

  public List<String> names() {
    return names;
  }

  public boolean contains(String name) {
    return ids.containsKey(name);
  }

  /** The id of a label; the message names the label and the known ones when it is unknown. */
  public int id(String name) {
    Integer id = ids.get(name);
    if (id == null) {
      throw new IllegalArgumentException(
          "unknown label '" + name + "'; known: " + String.join(", ", names));
    }
    return id;
  }

  /** Ids of the given names, in their order. */
  public int[] ids(List<String> selection) {
    int[] out = new int[selection.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = id(selection.get(i));
    }
    return out;
  }

  private static int compare(String a, String b) {
    if (isInteger(a) && isInteger(b)) {
      return Long.compare(Long.parseLong(a), Long.parseLong(b));
    }
    return a.compareTo(b);
  }

  private static boolean isInteger(String s) {
    if (s.isEmpty() || s.length() > 18) {
      return false;
    }
    for (int i = s.charAt(0) == '-' && s.length() > 1 ? 1 : 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return names.toString();
  }
}

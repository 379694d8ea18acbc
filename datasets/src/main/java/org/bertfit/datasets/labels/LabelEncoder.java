package org.bertfit.datasets.labels;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bertfit.datasets.Dataset;
import org.bertfit.datasets.Example;

/**
 * Maps label names to ids 0..n-1 and back, in a deterministic order: the dataset's fixed label set
 * (TweetEval's {@code mapping.txt}, GoEmotions' {@code labels.txt}) or else the sorted labels, as
 * scikit-learn's {@code LabelEncoder}. A model keeps the names in id order as {@code
 * id2label}/{@code label2id} in its Hugging Face {@code config.json} (tf-models' {@code BertConfig}).
 */
public final class LabelEncoder {
  private static final Pattern MAPPING_LINE = Pattern.compile("(\\d+)\t(.+)");

  private final List<String> names;
  private final Map<String, Integer> ids = new HashMap<>();

  private LabelEncoder(List<String> names) {
    this.names = List.copyOf(names);
    for (int id = 0; id < names.size(); id++) {
      Integer before = ids.put(names.get(id), id);
      if (before != null) {
        throw new IllegalArgumentException(
            "duplicate label '" + names.get(id) + "' (ids " + before + " and " + id + ")");
      }
    }
    if (names.isEmpty()) {
      throw new IllegalArgumentException("a label encoder needs at least one label");
    }
  }

  /** The labels {@code names}, with ids in list order. */
  public static LabelEncoder of(List<String> names) {
    return new LabelEncoder(names);
  }

  /** The dataset's fixed label set, or else the sorted distinct labels of its examples. */
  public static LabelEncoder fit(Dataset data) {
    if (!data.labelNames().isEmpty()) {
      return new LabelEncoder(data.labelNames());
    }
    TreeSet<String> seen = new TreeSet<>();
    for (Example e : data.examples()) {
      seen.addAll(e.labels());
    }
    if (seen.isEmpty()) {
      throw new IllegalArgumentException(data.source() + ": no labels to fit a label encoder on");
    }
    return new LabelEncoder(new ArrayList<>(seen));
  }

  /**
   * Reads label names from a file: one name a line in id order ({@code labels.txt}), or {@code
   * id<TAB>name} lines ({@code mapping.txt}).
   */
  public static LabelEncoder fromNamesFile(Path file) {
    List<String> lines = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          lines.add(line.strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read label names " + file + ": " + e.getMessage(), e);
    }
    if (lines.isEmpty()) {
      throw new IllegalArgumentException(file + ": no label names");
    }
    if (!MAPPING_LINE.matcher(lines.get(0)).matches()) {
      return new LabelEncoder(lines);
    }
    Map<Integer, String> byId = new HashMap<>();
    for (String line : lines) {
      Matcher m = MAPPING_LINE.matcher(line);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            file + ": line '" + line + "' is not 'id<TAB>name' like the first line");
      }
      byId.put(Integer.parseInt(m.group(1)), m.group(2).strip());
    }
    return new LabelEncoder(byIds(byId, file.toString()));
  }

  private static List<String> byIds(Map<Integer, String> byId, String source) {
    List<String> names = new ArrayList<>();
    for (int id = 0; id < byId.size(); id++) {
      String name = byId.get(id);
      if (name == null) {
        throw new IllegalArgumentException(
            source + ": ids must run from 0 to " + (byId.size() - 1) + "; " + id + " is missing");
      }
      names.add(name);
    }
    return names;
  }

  public int size() {
    return names.size();
  }

  /** The label names in id order. */
  public List<String> names() {
    return names;
  }

  public String name(int id) {
    if (id < 0 || id >= names.size()) {
      throw new IllegalArgumentException("label id " + id + " is not in 0.." + (names.size() - 1));
    }
    return names.get(id);
  }

  /** The id of {@code label}; an unknown label is an error listing the known ones. */
  public int id(String label) {
    Integer id = ids.get(label);
    if (id == null) {
      throw new IllegalArgumentException(
          "unknown label '" + label + "'; known: " + String.join(", ", names));
    }
    return id;
  }

  /**
   * Checks that every label of {@code data} is known (at evaluation time: seen in training).
   *
   * @throws IllegalArgumentException listing each unseen label with its count and first line
   */
  public void requireKnown(Dataset data) {
    requireKnown(data.source(), data.examples().iterator());
  }

  /**
   * As {@link #requireKnown(Dataset)} for examples read one at a time, so that a file of any size
   * can be checked before a long run.
   *
   * @param source names the examples' file in the message
   */
  public void requireKnown(String source, Iterator<Example> examples) {
    Map<String, long[]> unseen = new LinkedHashMap<>();
    while (examples.hasNext()) {
      Example e = examples.next();
      for (String label : e.labels()) {
        if (!ids.containsKey(label)) {
          unseen.computeIfAbsent(label, l -> new long[] {0, e.line()})[0]++;
        }
      }
    }
    if (unseen.isEmpty()) {
      return;
    }
    List<String> parts = new ArrayList<>();
    unseen.forEach(
        (label, seen) ->
            parts.add(
                "'"
                    + label
                    + "' ("
                    + seen[0]
                    + (seen[0] == 1 ? " time" : " times")
                    + ", first at line "
                    + seen[1]
                    + ")"));
    throw new IllegalArgumentException(
        source
            + ": "
            + (unseen.size() == 1 ? "a label" : unseen.size() + " labels")
            + " not seen in training: "
            + String.join(", ", parts)
            + "; known: "
            + String.join(", ", names));
  }

  /**
   * How often each label occurs in {@code data}, by id (a multi-label example counts once per
   * label).
   */
  public long[] counts(Dataset data) {
    long[] counts = new long[names.size()];
    for (Example e : data.examples()) {
      for (String label : e.labels()) {
        counts[id(label)]++;
      }
    }
    return counts;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LabelEncoder other && names.equals(other.names);
  }

  @Override
  public int hashCode() {
    return names.hashCode();
  }

  @Override
  public String toString() {
    return "LabelEncoder" + names;
  }
}

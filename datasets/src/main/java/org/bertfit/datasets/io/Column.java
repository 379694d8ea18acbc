package org.bertfit.datasets.io;

import java.util.List;
import java.util.Objects;

/**
 * A column (or JSON field) chosen by header name or by 0-based index; a negative index counts from
 * the end ({@code -1} is the last column).
 *
 * @param name the header name, or null when chosen by index
 * @param index the index, used when {@code name} is null
 */
public record Column(String name, int index) {
  public Column {
    if (name != null && name.isEmpty()) {
      throw new IllegalArgumentException("a column name must not be empty");
    }
  }

  public static Column named(String name) {
    return new Column(Objects.requireNonNull(name, "name"), 0);
  }

  public static Column at(int index) {
    return new Column(null, index);
  }

  /** {@code "2"} or {@code "-1"} is an index, anything else a name. */
  public static Column parse(String spec) {
    return spec.matches("-?\\d{1,9}") ? at(Integer.parseInt(spec)) : named(spec);
  }

  public boolean byName() {
    return name != null;
  }

  /** The index of this column in a row of {@code width} fields (negative indexes from the end). */
  public int indexIn(int width) {
    return index < 0 ? width + index : index;
  }

  /** The index of this column in {@code header}, or -1. */
  public int indexIn(List<String> header) {
    return byName() ? header.indexOf(name) : indexIn(header.size());
  }

  @Override
  public String toString() {
    return byName() ? "'" + name + "'" : Integer.toString(index);
  }
}

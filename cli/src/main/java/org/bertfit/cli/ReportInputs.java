package org.bertfit.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bertfit.evaluation.LabelSet;

/**
 * Reads the files of {@code bertfit report}: one example per line (a label, or space-separated
 * labels for multi-label), and a scores CSV whose header names the labels. Errors name the file
 * and the line.
 */
final class ReportInputs {
  private ReportInputs() {}

  /** Scores of a CSV: the header's labels and one row per example, in file order. */
  record Scores(List<String> header, double[][] rows) {
    /** The rows with columns rearranged into {@code labels}' order. */
    double[][] inOrderOf(LabelSet labels, Path file) {
      int[] column = new int[labels.size()];
      for (int c = 0; c < column.length; c++) {
        column[c] = header.indexOf(labels.name(c));
        if (column[c] < 0) {
          throw new IllegalArgumentException(file + ": the header does not name label '"
              + labels.name(c) + "'; it names: " + String.join(", ", header));
        }
      }
      double[][] out = new double[rows.length][column.length];
      for (int i = 0; i < rows.length; i++) {
        for (int c = 0; c < column.length; c++) {
          out[i][c] = rows[i][column[c]];
        }
      }
      return out;
    }
  }

  /** One label per line; an empty line is an error. */
  static List<String> singleLabels(Path file) throws IOException {
    List<String> lines = lines(file);
    List<String> out = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      String label = lines.get(i).strip();
      if (label.isEmpty()) {
        throw new IllegalArgumentException(file + " line " + (i + 1)
            + ": empty label (one label per line; use --multilabel for label sets)");
      }
      out.add(label);
    }
    return out;
  }

  /** Space-separated labels per line; an empty line is an example without labels. */
  static List<List<String>> labelSets(Path file) throws IOException {
    List<List<String>> out = new ArrayList<>();
    for (String line : lines(file)) {
      String s = line.strip();
      out.add(s.isEmpty() ? List.of() : Arrays.asList(s.split("\\s+")));
    }
    return out;
  }

  /** Lines of a text file, one example each (for error analysis). */
  static List<String> texts(Path file) throws IOException {
    return lines(file);
  }

  static Scores scores(Path file) throws IOException {
    List<String> lines = lines(file);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException(file + ": empty; expected a header naming the labels");
    }
    List<String> header = Arrays.stream(lines.get(0).split(",", -1)).map(String::strip).toList();
    if (header.stream().anyMatch(String::isEmpty) || header.stream().distinct().count()
        != header.size()) {
      throw new IllegalArgumentException(file + " line 1: the header must name each label once;"
          + " got " + lines.get(0));
    }
    double[][] rows = new double[lines.size() - 1][];
    for (int i = 1; i < lines.size(); i++) {
      String[] fields = lines.get(i).split(",", -1);
      if (fields.length != header.size()) {
        throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + fields.length
            + " values; the header names " + header.size() + " labels");
      }
      rows[i - 1] = new double[fields.length];
      for (int c = 0; c < fields.length; c++) {
        rows[i - 1][c] = number(fields[c].strip(), file, i + 1, header.get(c));
      }
    }
    return new Scores(header, rows);
  }

  /** Fails unless {@code other} has as many examples as {@code yTrue}. */
  static void sameCount(Path yTrue, int expected, Path other, int actual) {
    if (expected != actual) {
      throw new IllegalArgumentException(other + " has " + actual + " examples but " + yTrue
          + " has " + expected + "; they must match line for line");
    }
  }

  private static double number(String field, Path file, int line, String label) {
    try {
      double v = Double.parseDouble(field);
      if (Double.isNaN(v) || Double.isInfinite(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(file + " line " + line + ": score of '" + label + "' is '"
          + field + "', not a finite number", e);
    }
  }

  private static List<String> lines(Path file) throws IOException {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such file", e);
    }
  }
}

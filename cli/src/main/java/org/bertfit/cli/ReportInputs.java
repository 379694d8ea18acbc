package org.bertfit.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bertfit.datasets.Dataset;
import org.bertfit.datasets.Example;
import org.bertfit.datasets.io.Column;
import org.bertfit.datasets.io.DataFormat;
import org.bertfit.datasets.io.DatasetReader;
import org.bertfit.datasets.io.ReadOptions;
import org.bertfit.evaluation.LabelSet;

/**
 * Reads the files of {@code bertfit report}: one example per line (a label, or space-separated
 * labels for multi-label or the tags of a sentence), CoNLL tag columns, and a scores CSV whose
 * header names the labels. Errors name the file and the line.
 */
final class ReportInputs {
  /** How far a single-label row of probabilities may sum from 1 (rounded values). */
  private static final double PROBABILITY_SUM_TOLERANCE = 1e-3;

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

    /**
     * Fails unless each row is a probability distribution (values in [0, 1] summing to 1 within
     * 0.001), as scikit-learn requires of single-label scores: logits would give a ROC-AUC and a
     * log loss that mean nothing.
     */
    void requireProbabilities(Path file) {
      for (int i = 0; i < rows.length; i++) {
        double sum = 0;
        for (int c = 0; c < rows[i].length; c++) {
          double p = rows[i][c];
          if (p < 0 || p > 1) {
            throw new IllegalArgumentException(file + " line " + (i + 2) + ": score of '"
                + header.get(c) + "' is " + p + "; scores must be probabilities in [0, 1] (logits?"
                + " apply softmax first)");
          }
          sum += p;
        }
        if (Math.abs(sum - 1) > PROBABILITY_SUM_TOLERANCE) {
          throw new IllegalArgumentException(file + " line " + (i + 2) + ": the scores sum to " + sum
              + "; a single-label row must sum to 1 (use --multilabel for independent scores)");
        }
      }
    }
  }

  /** Gold and predicted tags of token classification, a list a sentence. */
  record Tags(List<List<String>> truth, List<List<String>> predicted) {}

  /**
   * Tags from conlleval's layout (gold and predicted tags the last two columns, a blank line after
   * each sentence), or from {@code --y-true} and {@code --y-pred} files of one sentence a line.
   */
  static Tags tags(Path conll, Path yTrue, Path yPred) throws IOException {
    if (conll != null) {
      if (yTrue != null || yPred != null) {
        throw new IllegalArgumentException(
            "--conll holds the gold and the predicted tags; leave out --y-true and --y-pred");
      }
      Dataset gold = conllColumn(conll, -2);
      for (Example sentence : gold.examples()) {
        if (sentence.labels().equals(sentence.words())) {
          throw new IllegalArgumentException(conll + " line " + sentence.line()
              + ": fewer than 3 columns; conlleval's layout is word ... gold predicted");
        }
      }
      return new Tags(tagLists(gold), tagLists(conllColumn(conll, -1)));
    }
    if (yTrue == null || yPred == null) {
      throw new IllegalArgumentException("--y-true and --y-pred, or --conll, are required");
    }
    List<List<String>> truth = labelSets(yTrue);
    List<List<String>> predicted = labelSets(yPred);
    sameCount(yTrue, truth.size(), yPred, predicted.size());
    for (int i = 0; i < truth.size(); i++) {
      if (truth.get(i).size() != predicted.get(i).size()) {
        throw new IllegalArgumentException(yPred + " line " + (i + 1) + ": "
            + predicted.get(i).size() + " tags but " + yTrue + " has " + truth.get(i).size()
            + "; sentences must match tag for tag");
      }
    }
    return new Tags(truth, predicted);
  }

  private static Dataset conllColumn(Path file, int column) {
    return DatasetReader.read(file,
        ReadOptions.builder().format(DataFormat.CONLL).tagColumn(Column.at(column)).build());
  }

  private static List<List<String>> tagLists(Dataset data) {
    return data.examples().stream().map(Example::labels).toList();
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
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such file", e);
    }
    if (lines.isEmpty()) {
      throw new IllegalArgumentException(file + ": empty file: no examples");
    }
    return lines;
  }
}

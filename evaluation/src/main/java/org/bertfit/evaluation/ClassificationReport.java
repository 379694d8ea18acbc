package org.bertfit.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * scikit-learn's {@code classification_report}: per-class precision, recall, F1 and support, then
 * accuracy (multi-class over all present labels) or a micro average, the macro and weighted
 * averages, and the samples average for multi-label.
 *
 * @param classes one row per reported label, named by target name
 * @param accuracy present where scikit-learn shows an accuracy row instead of a micro average
 * @param averages the average rows in scikit-learn's order
 * @param warnings zero divisions (with {@link ZeroDivision#WARN}), naming the classes
 * @param floatSupport scikit-learn prints supports as floats ({@code 2.0}) for multi-class data
 *     without a single correct prediction (its counts turn float there); kept for identical output
 */
public record ClassificationReport(
    List<ReportRow> classes,
    OptionalDouble accuracy,
    List<ReportRow> averages,
    List<Diagnostic> warnings,
    boolean floatSupport) {

  public ClassificationReport {
    classes = List.copyOf(classes);
    averages = List.copyOf(averages);
    warnings = List.copyOf(warnings);
  }

  /** Total support of the reported classes (the support of every average row). */
  public long support() {
    return classes.stream().mapToLong(r -> r.scores().support()).sum();
  }

  /** The average row named e.g. {@code "macro avg"}, if the report has it. */
  public java.util.Optional<PrfScores> average(Average average) {
    return averages.stream()
        .filter(r -> r.name().equals(average.rowName()))
        .map(ReportRow::scores)
        .findFirst();
  }

  /**
   * The report of the given counts. A {@link ConfusionMatrix} gives a multi-class report, a {@link
   * MultiLabelConfusion} a multi-label one (with samples average); other counts (entity types)
   * get micro, macro and weighted averages.
   */
  public static ClassificationReport of(
      LabelCounts counts, LabelSet labels, ReportOptions options) {
    if (labels.size() != counts.numLabels()) {
      throw new IllegalArgumentException("counts have " + counts.numLabels()
          + " labels but the label set has " + labels.size() + ": " + labels);
    }
    int[] observed = observed(counts, labels);
    int[] selected = selectedLabels(counts, labels, options);
    List<String> names = options.targetNames() != null
        ? options.targetNames()
        : Arrays.stream(selected).mapToObj(labels::name).toList();
    if (names.size() != selected.length) {
      throw new IllegalArgumentException("target names (" + names.size()
          + ") must match the labels reported (" + selected.length + ": "
          + Arrays.stream(selected).mapToObj(labels::name).collect(Collectors.joining(", ")) + ")");
    }
    ZeroDivision zd = options.zeroDivision();
    List<ReportRow> rows = new ArrayList<>();
    List<PrfScores> scores = PrecisionRecall.perLabel(counts, selected, zd);
    for (int i = 0; i < selected.length; i++) {
      rows.add(new ReportRow(names.get(i), scores.get(i)));
    }
    boolean multiClass = counts instanceof ConfusionMatrix;
    boolean microIsAccuracy = multiClass && sameSet(selected, observed);
    OptionalDouble accuracy = OptionalDouble.empty();
    List<ReportRow> averages = new ArrayList<>();
    for (Average average : Average.values()) {
      if (average == Average.SAMPLES && !(counts instanceof MultiLabelConfusion)) {
        continue;
      }
      PrfScores avg = PrecisionRecall.average(counts, selected, average, zd);
      if (average == Average.MICRO && microIsAccuracy) {
        accuracy = OptionalDouble.of(avg.f1());
      } else {
        averages.add(new ReportRow(average.rowName(), avg));
      }
    }
    List<Diagnostic> warnings = zd == ZeroDivision.WARN
        ? zeroDivisionWarnings(counts, selected, names)
        : List.of();
    boolean floatSupport = counts instanceof ConfusionMatrix cm && cm.correct() == 0;
    return new ClassificationReport(rows, accuracy, averages, warnings, floatSupport);
  }

  /** The ids a report over these counts shows: the options' labels, or the observed ones. */
  static int[] selectedLabels(LabelCounts counts, LabelSet labels, ReportOptions options) {
    return options.labels() == null ? observed(counts, labels) : labels.ids(options.labels());
  }

  /** Labels that occur as true or predicted, in scikit-learn's order (all columns for multi-label). */
  private static int[] observed(LabelCounts counts, LabelSet labels) {
    if (counts instanceof MultiLabelConfusion) {
      return PrecisionRecall.allLabels(counts);
    }
    return Arrays.stream(PrecisionRecall.allLabels(counts))
        .filter(c -> counts.actual(c) > 0 || counts.predicted(c) > 0)
        .boxed()
        .sorted((a, b) -> LabelSet.ORDER.compare(labels.name(a), labels.name(b)))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  private static boolean sameSet(int[] a, int[] b) {
    Set<Integer> left = new HashSet<>();
    Arrays.stream(a).forEach(left::add);
    Set<Integer> right = new HashSet<>();
    Arrays.stream(b).forEach(right::add);
    return left.equals(right);
  }

  private static List<Diagnostic> zeroDivisionWarnings(
      LabelCounts counts, int[] selected, List<String> names) {
    List<String> unpredicted = new ArrayList<>();
    List<String> absent = new ArrayList<>();
    for (int i = 0; i < selected.length; i++) {
      if (counts.predicted(selected[i]) == 0) {
        unpredicted.add(names.get(i));
      }
      if (counts.actual(selected[i]) == 0) {
        absent.add(names.get(i));
      }
    }
    List<Diagnostic> out = new ArrayList<>();
    String control = ". Use zero_division to control this behaviour.";
    if (!unpredicted.isEmpty()) {
      out.add(new Diagnostic("zero-division-precision",
          "Precision and F-score are ill-defined and being set to 0.0 in labels with no predicted"
              + " samples: " + String.join(", ", unpredicted) + control));
    }
    if (!absent.isEmpty()) {
      out.add(new Diagnostic("zero-division-recall",
          "Recall and F-score are ill-defined and being set to 0.0 in labels with no true"
              + " samples: " + String.join(", ", absent) + control));
    }
    if (counts instanceof MultiLabelConfusion m && m.emptyPredictions() > 0) {
      out.add(new Diagnostic("zero-division-samples",
          "Precision and F-score are ill-defined and being set to 0.0 in " + m.emptyPredictions()
              + " samples with no predicted labels" + control));
    }
    return out;
  }
}

package org.bertfit.evaluation;

import java.util.List;

/**
 * What a classification report shows, as scikit-learn's {@code classification_report} arguments.
 *
 * @param labels the labels to report, in this order; {@code null} for the sorted union of true and
 *     predicted labels (every column for multi-label)
 * @param targetNames display names for {@code labels}; {@code null} to show the labels themselves
 * @param digits decimals in the text layout
 * @param zeroDivision the value of a ratio with a zero denominator
 */
public record ReportOptions(
    List<String> labels, List<String> targetNames, int digits, ZeroDivision zeroDivision) {

  public ReportOptions {
    labels = labels == null ? null : List.copyOf(labels);
    targetNames = targetNames == null ? null : List.copyOf(targetNames);
    if (digits < 0) {
      throw new IllegalArgumentException("digits must be at least 0; got " + digits);
    }
    if (zeroDivision == null) {
      throw new IllegalArgumentException("zeroDivision must be warn, 0 or 1; got null");
    }
    if (labels != null && targetNames != null && labels.size() != targetNames.size()) {
      throw new IllegalArgumentException("target names (" + targetNames.size()
          + ") must match labels (" + labels.size() + ") one to one");
    }
  }

  /** scikit-learn's defaults: all labels, 2 digits, zero_division="warn". */
  public static ReportOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ReportOptions}; unset fields keep scikit-learn's defaults. */
  public static final class Builder {
    private List<String> labels;
    private List<String> targetNames;
    private int digits = 2;
    private ZeroDivision zeroDivision = ZeroDivision.WARN;

    public Builder labels(List<String> labels) {
      this.labels = labels;
      return this;
    }

    public Builder targetNames(List<String> targetNames) {
      this.targetNames = targetNames;
      return this;
    }

    public Builder digits(int digits) {
      this.digits = digits;
      return this;
    }

    public Builder zeroDivision(ZeroDivision zeroDivision) {
      this.zeroDivision = zeroDivision;
      return this;
    }

    public ReportOptions build() {
      return new ReportOptions(labels, targetNames, digits, zeroDivision);
    }
  }
}

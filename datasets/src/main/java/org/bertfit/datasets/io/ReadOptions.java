package org.bertfit.datasets.io;

import java.util.List;

/**
 * How to read a labelled file. Build with {@link #builder()}; every field has a default that suits
 * the formats' usual layouts.
 *
 * @param format the layout, or null to detect it from the path
 * @param textColumn the text (CSV/TSV column, JSONL field); default {@code text}
 * @param textPairColumn the second text of a pair, or null
 * @param labelColumn the label; null reads unlabelled text (for prediction); default {@code label}
 * @param labelSeparator splits a label cell into several labels (multi-label), or null
 * @param multiLabel whether an example has a set of labels (implied by a separator; JSONL arrays)
 * @param header whether a CSV/TSV file starts with a header row; default true
 * @param tokenColumn the CoNLL token column; default 0
 * @param tagColumn the CoNLL tag column; default -1 (the last)
 * @param labelNames the fixed label set, in id order: labels must be one of these names or an id
 *     into the list (TweetEval's {@code mapping.txt} is used when this is empty); empty to take the
 *     labels found in the data
 * @param policy what to do with bad rows; default {@link BadInputPolicy#FAIL}
 * @param reportedLines how many line numbers the skip report keeps for each reason; default 10
 */
public record ReadOptions(
    DataFormat format,
    Column textColumn,
    Column textPairColumn,
    Column labelColumn,
    String labelSeparator,
    boolean multiLabel,
    boolean header,
    Column tokenColumn,
    Column tagColumn,
    List<String> labelNames,
    BadInputPolicy policy,
    int reportedLines) {

  public ReadOptions {
    if (textColumn == null) {
      throw new IllegalArgumentException("textColumn must be set");
    }
    if (labelSeparator != null && labelSeparator.isEmpty()) {
      throw new IllegalArgumentException("labelSeparator must not be empty");
    }
    if (reportedLines < 0) {
      throw new IllegalArgumentException("reportedLines must be >= 0, got " + reportedLines);
    }
    if (tokenColumn.byName() || tagColumn.byName()) {
      throw new IllegalArgumentException(
          "CoNLL columns are indexes, got token column "
              + tokenColumn
              + " and tag column "
              + tagColumn);
    }
    multiLabel = multiLabel || labelSeparator != null;
    labelNames = List.copyOf(labelNames);
    if (policy == null) {
      throw new IllegalArgumentException("policy must be set");
    }
  }

  /**
   * Defaults: detected format, columns {@code text} and {@code label}, a header, fail on bad rows.
   */
  public static ReadOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.format = format;
    b.textColumn = textColumn;
    b.textPairColumn = textPairColumn;
    b.labelColumn = labelColumn;
    b.labelSeparator = labelSeparator;
    b.multiLabel = multiLabel;
    b.header = header;
    b.tokenColumn = tokenColumn;
    b.tagColumn = tagColumn;
    b.labelNames = labelNames;
    b.policy = policy;
    b.reportedLines = reportedLines;
    return b;
  }

  /** Whether examples carry labels. */
  public boolean labelled() {
    return labelColumn != null;
  }

  /** Builds {@link ReadOptions}. */
  public static final class Builder {
    private DataFormat format;
    private Column textColumn = Column.named("text");
    private Column textPairColumn;
    private Column labelColumn = Column.named("label");
    private String labelSeparator;
    private boolean multiLabel;
    private boolean header = true;
    private Column tokenColumn = Column.at(0);
    private Column tagColumn = Column.at(-1);
    private List<String> labelNames = List.of();
    private BadInputPolicy policy = BadInputPolicy.FAIL;
    private int reportedLines = 10;

    private Builder() {}

    public Builder format(DataFormat format) {
      this.format = format;
      return this;
    }

    public Builder textColumn(Column column) {
      this.textColumn = column;
      return this;
    }

    public Builder textPairColumn(Column column) {
      this.textPairColumn = column;
      return this;
    }

    public Builder labelColumn(Column column) {
      this.labelColumn = column;
      return this;
    }

    /** Reads text only, for prediction. */
    public Builder unlabelled() {
      this.labelColumn = null;
      return this;
    }

    /** Splits label cells at {@code separator}; implies multi-label. */
    public Builder labelSeparator(String separator) {
      this.labelSeparator = separator;
      return this;
    }

    public Builder multiLabel(boolean multiLabel) {
      this.multiLabel = multiLabel;
      return this;
    }

    public Builder header(boolean header) {
      this.header = header;
      return this;
    }

    public Builder tokenColumn(Column column) {
      this.tokenColumn = column;
      return this;
    }

    public Builder tagColumn(Column column) {
      this.tagColumn = column;
      return this;
    }

    public Builder labelNames(List<String> names) {
      this.labelNames = names;
      return this;
    }

    public Builder policy(BadInputPolicy policy) {
      this.policy = policy;
      return this;
    }

    public Builder reportedLines(int reportedLines) {
      this.reportedLines = reportedLines;
      return this;
    }

    public ReadOptions build() {
      return new ReadOptions(
          format,
          textColumn,
          textPairColumn,
          labelColumn,
          labelSeparator,
          multiLabel,
          header,
          tokenColumn,
          tagColumn,
          labelNames,
          policy,
          reportedLines);
    }
  }
}

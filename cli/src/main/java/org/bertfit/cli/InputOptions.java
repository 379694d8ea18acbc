package org.bertfit.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.bertfit.datasets.io.BadInputPolicy;
import org.bertfit.datasets.io.Column;
import org.bertfit.datasets.io.DataFormat;
import org.bertfit.datasets.io.ReadOptions;
import org.bertfit.datasets.labels.LabelEncoder;
import picocli.CommandLine.Option;

/**
 * The options every data-reading command shares ({@code @Mixin}): input format, columns, label
 * separator and names, and what to do with bad rows. The path itself belongs to each command.
 */
public final class InputOptions {
  @Option(
      names = "--input-format",
      paramLabel = "FORMAT",
      description =
          "csv, tsv, tweeteval, semicolon (text;label lines), jsonl, conll or text (one text a"
              + " line, no labels); detected from the path when omitted")
  String format;

  @Option(
      names = "--text-column",
      paramLabel = "C",
      defaultValue = "text",
      description =
          "Header name, JSON field or 0-based index of the text (default: ${DEFAULT-VALUE})")
  String textColumn;

  @Option(
      names = "--text-pair-column",
      paramLabel = "C",
      description = "Column of the second text of a pair")
  String textPairColumn;

  @Option(
      names = "--label-column",
      paramLabel = "C",
      defaultValue = "label",
      description = "Column of the label (default: ${DEFAULT-VALUE})")
  String labelColumn;

  @Option(
      names = "--label-separator",
      paramLabel = "S",
      description = "Splits label cells into several labels (multi-label), e.g. ',' or ' '")
  String labelSeparator;

  @Option(
      names = "--multi-label",
      description = "Examples have label sets (implied by --label-separator; JSONL arrays)")
  boolean multiLabel;

  @Option(
      names = "--label-names",
      paramLabel = "FILE",
      description =
          "The label set in id order: one name a line (labels.txt) or id<TAB>name lines"
              + " (mapping.txt); labels in the data may be names or ids")
  Path labelNames;

  @Option(
      names = "--header",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Whether a CSV/TSV file starts with a header row (default: ${DEFAULT-VALUE})")
  boolean header;

  @Option(
      names = "--token-column",
      paramLabel = "N",
      defaultValue = "0",
      description = "CoNLL token column, 0-based (default: ${DEFAULT-VALUE})")
  int tokenColumn;

  @Option(
      names = "--tag-column",
      paramLabel = "N",
      defaultValue = "-1",
      description =
          "CoNLL tag column, 0-based, negative from the end (default: ${DEFAULT-VALUE}, the last)")
  int tagColumn;

  @Option(
      names = "--on-bad-input",
      paramLabel = "POLICY",
      defaultValue = "fail",
      description =
          "fail: stop at the first bad row; skip: skip bad rows and report them by reason"
              + " (default: ${DEFAULT-VALUE})")
  String policy;

  /** The read options these flags describe. */
  public ReadOptions readOptions() {
    return ReadOptions.builder()
        .format(format == null ? null : DataFormat.fromName(format))
        .textColumn(Column.parse(textColumn))
        .textPairColumn(textPairColumn == null ? null : Column.parse(textPairColumn))
        .labelColumn(Column.parse(labelColumn))
        .labelSeparator(labelSeparator)
        .multiLabel(multiLabel)
        .labelNames(labelNames == null ? List.of() : LabelEncoder.fromNamesFile(labelNames).names())
        .header(header)
        .tokenColumn(Column.at(tokenColumn))
        .tagColumn(Column.at(tagColumn))
        .policy(policy())
        .build();
  }

  /** The format of {@code path}: as given, or detected. */
  public DataFormat format(Path path) {
    return format == null ? DataFormat.detect(path) : DataFormat.fromName(format);
  }

  private BadInputPolicy policy() {
    try {
      return BadInputPolicy.valueOf(policy.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--on-bad-input must be fail or skip, got '" + policy + "'", e);
    }
  }
}

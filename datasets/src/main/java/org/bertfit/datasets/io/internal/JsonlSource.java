package org.bertfit.datasets.io.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bertfit.datasets.Example;
import org.bertfit.datasets.io.Column;
import org.bertfit.datasets.io.SkipReason;

/** One JSON object a line; the label field may be a string, a number or (multi-label) an array. */
final class JsonlSource extends LineSource {
  private static final ObjectReader JSON = new ObjectMapper().reader();

  JsonlSource(Path path, RowChecker rows) {
    super(path, rows);
    for (Column c :
        new Column[] {
          rows.options().textColumn(), rows.options().textPairColumn(), rows.options().labelColumn()
        }) {
      if (c != null && !c.byName()) {
        throw new IllegalArgumentException(
            "JSONL fields are chosen by name; got column index " + c);
      }
    }
  }

  @Override
  protected Example parse(String line, long number) {
    JsonNode row;
    try {
      row = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      rows.reject(
          SkipReason.MALFORMED_ROW,
          file,
          number,
          "malformed JSON at column " + e.getLocation().getColumnNr());
      return null;
    }
    if (!row.isObject()) {
      rows.reject(SkipReason.MALFORMED_ROW, file, number, "not a JSON object");
      return null;
    }
    String text = scalar(row, rows.options().textColumn(), number);
    Column pairColumn = rows.options().textPairColumn();
    String pair = pairColumn == null ? null : scalar(row, pairColumn, number);
    if (text == null
        || pairColumn != null && pair == null
        || !rows.textsPresent(file, number, text, pair)) {
      return null;
    }
    if (!rows.options().labelled()) {
      return new Example(text, pair, List.of(), List.of(), number);
    }
    List<String> labels = labels(row, number);
    return labels == null ? null : new Example(text, pair, List.of(), labels, number);
  }

  private List<String> labels(JsonNode row, long number) {
    String field = rows.options().labelColumn().name();
    JsonNode value = row.get(field);
    if (value == null) {
      rows.reject(SkipReason.MISSING_COLUMN, file, number, "missing field '" + field + "'");
      return null;
    }
    if (value.isNull()) {
      rows.reject(SkipReason.MISSING_LABEL, file, number, "missing label");
      return null;
    }
    if (!value.isArray()) {
      return value.isValueNode()
          ? rows.labels(file, number, value.asText())
          : notScalar(field, number);
    }
    List<String> cells = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isValueNode()) {
        return notScalar(field, number);
      }
      cells.add(item.asText());
    }
    return rows.labels(file, number, cells);
  }

  private String scalar(JsonNode row, Column column, long number) {
    JsonNode value = row.get(column.name());
    if (value == null) {
      rows.reject(SkipReason.MISSING_COLUMN, file, number, "missing field '" + column.name() + "'");
      return null;
    }
    if (value.isNull()) {
      return "";
    }
    return value.isValueNode() ? value.asText() : notScalar(column.name(), number);
  }

  private <T> T notScalar(String field, long number) {
    rows.reject(
        SkipReason.MALFORMED_ROW, file, number, "field '" + field + "' is not a string or number");
    return null;
  }
}

package org.bertfit.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bertfit.datasets.Dataset;
import org.bertfit.datasets.Example;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows given field by field to {@link RowRules} against the same rows read from a file by {@link
 * DatasetReader}: the same examples, the same skip report, the same first error.
 */
class RowRulesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> EMOTIONS =
      List.of("anger", "fear", "joy", "love", "sadness", "surprise");

  @TempDir Path dir;

  /** Text and label of each row, as JSON; the label a string, an id, an array or null. */
  private static final String[][] ROWS = {
    {"\"good day\"", "\"joy\""},
    {"\"\"", "\"joy\""},
    {"\"ok\"", "null"},
    {"\"ok\"", "\"joyy\""},
    {"\"ok\"", "[\"joy\", \"fear\"]"},
    {"\"fine\"", "2"},
    {"\"   \"", "\"joy\""},
    {"\"sad\"", "[\"sadness\"]"},
  };

  private static ReadOptions options(boolean multiLabel) {
    return ReadOptions.builder()
        .labelNames(EMOTIONS)
        .multiLabel(multiLabel)
        .policy(BadInputPolicy.SKIP)
        .reportedLines(2)
        .build();
  }

  private Path jsonl() throws Exception {
    List<String> lines = new ArrayList<>();
    for (String[] row : ROWS) {
      lines.add("{\"text\": " + row[0] + ", \"label\": " + row[1] + "}");
    }
    return Files.write(dir.resolve("rows.jsonl"), lines);
  }

  private static List<Example> fieldByField(RowRules rules) throws Exception {
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < ROWS.length; i++) {
      ObjectNode row = (ObjectNode) JSON.readTree("{\"text\": " + ROWS[i][0] + ", \"label\": " + ROWS[i][1] + "}");
      JsonNode label = row.get("label");
      Example e;
      if (label.isArray()) {
        List<String> cells = new ArrayList<>();
        label.forEach(cell -> cells.add(cell.asText()));
        e = rules.labelled(i + 1, row.get("text").asText(), null, cells);
      } else if (label.isNull()) {
        e = rules.labelled(i + 1, row.get("text").asText(), null, (List<String>) null);
      } else {
        e = rules.labelled(i + 1, row.get("text").asText(), null, label.asText());
      }
      if (e != null) {
        out.add(e);
      }
    }
    return out;
  }

  @Test
  void sameExamplesAndSkipsAsTheReader() throws Exception {
    for (boolean multiLabel : new boolean[] {false, true}) {
      Path file = jsonl();
      Dataset read = DatasetReader.read(file, options(multiLabel));
      RowRules rules = new RowRules(file.toString(), options(multiLabel));

      assertThat(fieldByField(rules)).as("multi-label %s", multiLabel).isEqualTo(read.examples());
      assertThat(rules.skipped()).isEqualTo(read.skipped());
    }
  }

  @Test
  void theFirstRejectionIsTheReadersErrorUnderFail() throws Exception {
    Path file = jsonl();
    RowRules rules = new RowRules(file.toString(), options(false));
    fieldByField(rules);

    assertThatThrownBy(
            () -> DatasetReader.read(file, options(false).toBuilder().policy(BadInputPolicy.FAIL).build()))
        .isInstanceOf(BadInputException.class)
        .hasMessage(rules.firstRejection().getMessage());
    assertThat(rules.firstRejection().detail()).isEqualTo("empty text");
  }
}

package org.bertfit.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bertfit.datasets.Dataset;
import org.bertfit.datasets.Example;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A quote opened on one line and closed just before a separator on a later line makes one field of
 * all the lines between: legal, but the rows it swallows must be seen in the skip report.
 */
class MultiLineFieldTest {
  @TempDir Path dir;

  @Test
  void aStrayQuoteInTsvMergingEightLinesIsCounted() throws IOException {
    Path tsv = Files.write(dir.resolve("train.tsv"), List.of(
        "text\tlabel",
        "fine day\tjoy",
        "\"she said hi\tjoy",
        "line four\tanger",
        "line five\tanger",
        "line six\tjoy",
        "line seven\tjoy",
        "line eight\tjoy",
        "line nine ends it\"\tsadness",
        "last row\tjoy"));
    Dataset data = DatasetReader.read(tsv, ReadOptions.defaults());
    assertThat(data.examples()).extracting(Example::line).containsExactly(2L, 3L, 10L);
    assertThat(data.get(1).text()).startsWith("she said hi\tjoy\nline four").endsWith("ends it");
    assertThat(data.skipped().count(SkipReason.MULTILINE_FIELD)).isEqualTo(1);
    assertThat(data.skipped().lines(SkipReason.MULTILINE_FIELD)).containsExactly(3L);
    assertThat(data.skipped().total()).as("kept rows are not skipped rows").isZero();
    assertThat(data.skipped().summary()).isEmpty();
  }

  @Test
  void csvFieldsOverSeveralLinesAreKeptAndCountedEvenUnderTheFailPolicy() throws IOException {
    Path csv = Files.write(dir.resolve("train.csv"), List.of(
        "text,label",
        "\"first line",
        "second line\",joy",
        "plain,anger",
        "\"third",
        "row\",anger"));
    Dataset data = DatasetReader.read(csv, ReadOptions.defaults());
    assertThat(data.examples()).extracting(Example::text)
        .containsExactly("first line\nsecond line", "plain", "third\nrow");
    assertThat(data.skipped().lines(SkipReason.MULTILINE_FIELD)).containsExactly(2L, 5L);
    assertThat(data.skipped().total()).isZero();
  }
}

package org.bertfit.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.bertfit.datasets.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kind of bad input, in each format where it can happen: the exact message under the default
 * policy (fail), and the exact skip report and surviving rows under the skip policy.
 */
class BadInputTest {
  private static final List<String> EMOTIONS =
      List.of("anger", "fear", "joy", "love", "sadness", "surprise");
  private static final byte LATIN1_E_ACUTE = (byte) 0xE9;

  @TempDir Path dir;

  /**
   * One bad file.
   *
   * @param file the file name ({@code {f}} in the message stands for its full path)
   * @param content the file's bytes
   * @param options adjusts the default read options
   * @param message the error under the fail policy
   * @param reason the skip reason under the skip policy
   * @param lines the skipped line numbers
   * @param rows the rows left under the skip policy
   */
  record Case(
      String name,
      String file,
      byte[] content,
      UnaryOperator<ReadOptions.Builder> options,
      String message,
      SkipReason reason,
      List<Long> lines,
      int rows) {
    Case with(UnaryOperator<ReadOptions.Builder> more) {
      return new Case(name, file, content, more, message, reason, lines, rows);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Case of(
      String name,
      String file,
      String content,
      String message,
      SkipReason reason,
      List<Long> lines,
      int rows) {
    return new Case(
        name, file, content.getBytes(StandardCharsets.UTF_8), b -> b, message, reason, lines, rows);
  }

  static Stream<Case> cases() {
    return Stream.of(
        of(
            "empty text (text;label)",
            "e.txt",
            "good day;joy\n;sadness\n  ;fear\nfine;joy\n",
            "{f} line 2: empty text",
            SkipReason.EMPTY_TEXT,
            List.of(2L, 3L),
            2),
        of(
            "empty text (CSV)",
            "e.csv",
            "text,label\nhi,joy\n\"\",joy\n",
            "{f} line 3: empty text",
            SkipReason.EMPTY_TEXT,
            List.of(3L),
            1),
        of(
            "empty text (JSONL)",
            "e.jsonl",
            "{\"text\":\"hi\",\"label\":\"joy\"}\n{\"text\":null,\"label\":\"joy\"}\n",
            "{f} line 2: empty text",
            SkipReason.EMPTY_TEXT,
            List.of(2L),
            1),
        of(
            "missing column (CSV)",
            "m.csv",
            "text,label\nhello,joy\nbye\nok,joy\n",
            "{f} line 3: missing column 'label': the row has 1 field",
            SkipReason.MISSING_COLUMN,
            List.of(3L),
            2),
        of(
            "missing column (text;label)",
            "m.txt",
            "hello;joy\nno label here\n",
            "{f} line 2: missing column: no ';' before a label",
            SkipReason.MISSING_COLUMN,
            List.of(2L),
            1),
        of(
            "missing field (JSONL)",
            "m.jsonl",
            "{\"text\":\"a\",\"label\":\"joy\"}\n\n{\"text\":\"b\"}\n",
            "{f} line 3: missing field 'label'",
            SkipReason.MISSING_COLUMN,
            List.of(3L),
            1),
        of(
                "missing column (CoNLL)",
                "m.conll",
                "EU B-ORG\nrejects O\n\nPeter B-PER\n",
                "{f} line 1: missing column 2: the line has 2 columns",
                SkipReason.MISSING_COLUMN,
                List.of(1L, 4L),
                0)
            .with(b -> b.tagColumn(Column.at(2))),
        of(
            "ragged row (CSV)",
            "r.csv",
            "text,label\nhello,joy\nhi,joy,extra\n",
            "{f} line 3: ragged row: 3 fields, the header has 2",
            SkipReason.RAGGED_ROW,
            List.of(3L),
            1),
        of(
                "ragged row (TSV, no header)",
                "r.tsv",
                "a\tjoy\tx\nb\tjoy\n",
                "{f} line 2: ragged row: 2 fields, the first row has 3",
                SkipReason.RAGGED_ROW,
                List.of(2L),
                1)
            .with(b -> b.header(false).textColumn(Column.at(0)).labelColumn(Column.at(1))),
        of(
            "ragged row (CoNLL)",
            "r.conll",
            "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ O\n\nPeter NNP B-NP B-PER\n",
            "{f} line 4: ragged row: 3 columns, the first token line has 4",
            SkipReason.RAGGED_ROW,
            List.of(4L),
            1),
        new Case(
            "non-UTF-8 bytes (text;label)",
            "u.txt",
            bytes("ok;joy\ncaf", LATIN1_E_ACUTE, ";joy\nfine;joy\n"),
            b -> b,
            "{f} line 2: bytes that are not UTF-8 (save the file as UTF-8)",
            SkipReason.INVALID_UTF8,
            List.of(2L),
            2),
        new Case(
            "non-UTF-8 bytes (CSV, quoted field over two lines)",
            "u.csv",
            bytes("text,label\nok,joy\n\"two\nline caf", LATIN1_E_ACUTE, "\",joy\nfine,joy\n"),
            b -> b,
            "{f} line 3: bytes that are not UTF-8 (save the file as UTF-8)",
            SkipReason.INVALID_UTF8,
            List.of(3L),
            2),
        new Case(
            "non-UTF-8 bytes (CoNLL)",
            "u.conll",
            bytes("EU B-ORG\n\nCaf", LATIN1_E_ACUTE, " O\nopens O\n\nPeter B-PER\n"),
            b -> b,
            "{f} line 3: bytes that are not UTF-8 (save the file as UTF-8)",
            SkipReason.INVALID_UTF8,
            List.of(3L),
            2),
        of(
            "empty file (text;label)",
            "empty.txt",
            "",
            "{f}: empty file: no examples",
            SkipReason.EMPTY_FILE,
            List.of(),
            0),
        of(
            "empty file (CSV with a header only)",
            "empty.csv",
            "text,label\n",
            "{f}: a header (text, label) but no rows: no examples",
            SkipReason.EMPTY_FILE,
            List.of(),
            0),
        of(
            "empty file (blank lines only)",
            "blank.jsonl",
            "\n\n  \n",
            "{f}: empty file: no examples",
            SkipReason.EMPTY_FILE,
            List.of(),
            0),
        of(
                "unknown label (text;label)",
                "l.txt",
                "i feel;joyy\ni am;joy\n",
                "{f} line 1: unknown label 'joyy'; known: anger, fear, joy, love, sadness,"
                    + " surprise",
                SkipReason.UNKNOWN_LABEL,
                List.of(1L),
                1)
            .with(b -> b.labelNames(EMOTIONS)),
        of(
                "unknown label in a multi-label cell (CSV)",
                "l.csv",
                "text,labels\na,joy fear\nb,joy fun\n",
                "{f} line 3: unknown label 'fun'; known: anger, fear, joy, love, sadness, surprise",
                SkipReason.UNKNOWN_LABEL,
                List.of(3L),
                1)
            .with(
                b ->
                    b.labelNames(EMOTIONS).labelColumn(Column.named("labels")).labelSeparator(" ")),
        of(
                "unknown tag (CoNLL)",
                "l.conll",
                "EU B-ORG\n\nPeter B-PERSON\n",
                "{f} line 3: unknown label 'B-PERSON'; known: O, B-ORG, B-PER",
                SkipReason.UNKNOWN_LABEL,
                List.of(3L),
                1)
            .with(b -> b.labelNames(List.of("O", "B-ORG", "B-PER"))),
        of(
            "missing label (text;label)",
            "n.txt",
            "hello;\nbye;joy\n",
            "{f} line 1: missing label",
            SkipReason.MISSING_LABEL,
            List.of(1L),
            1),
        of(
            "duplicate header row (CSV)",
            "d.csv",
            "text,label\nhi,joy\ntext,label\nyo,joy\n",
            "{f} line 3: duplicate header: the header row again",
            SkipReason.DUPLICATE_HEADER,
            List.of(3L),
            2),
        of(
            "malformed JSON (JSONL)",
            "j.jsonl",
            "{\"text\":\"a\",\"label\":\"joy\"}\n{\"text\": \"b\",\n",
            "{f} line 2: malformed JSON at column 14",
            SkipReason.MALFORMED_ROW,
            List.of(2L),
            1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void failsWithExactMessage(Case c) throws IOException {
    Path file = write(c);
    ReadOptions options = c.options().apply(ReadOptions.builder()).build();
    assertThatThrownBy(() -> DatasetReader.read(file, options))
        .isInstanceOf(BadInputException.class)
        .hasMessage(c.message().replace("{f}", file.toString()))
        .extracting(e -> ((BadInputException) e).reason())
        .isEqualTo(c.reason());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void skipsAndCounts(Case c) throws IOException {
    Path file = write(c);
    ReadOptions options =
        c.options().apply(ReadOptions.builder()).policy(BadInputPolicy.SKIP).build();
    Dataset data = DatasetReader.read(file, options);
    assertThat(data.skipped().counts())
        .containsExactlyEntriesOf(Map.of(c.reason(), Math.max(1, c.lines().size())));
    assertThat(data.skipped().lines(c.reason())).isEqualTo(c.lines());
    assertThat(data.size()).isEqualTo(c.rows());
  }

  @Test
  void skipReportCountsEveryReasonAndKeepsTheFirstLines() throws IOException {
    StringBuilder text = new StringBuilder("text,label\n");
    for (int i = 0; i < 30; i++) {
      text.append(i % 3 == 0 ? ",joy\n" : i % 3 == 1 ? "short\n" : "fine,joy\n");
    }
    Path file = dir.resolve("many.csv");
    Files.writeString(file, text);
    Dataset data =
        DatasetReader.read(
            file, ReadOptions.builder().policy(BadInputPolicy.SKIP).reportedLines(3).build());
    assertThat(data.size()).isEqualTo(10);
    assertThat(data.skipped().total()).isEqualTo(20);
    assertThat(data.skipped().count(SkipReason.EMPTY_TEXT)).isEqualTo(10);
    assertThat(data.skipped().lines(SkipReason.EMPTY_TEXT)).containsExactly(2L, 5L, 8L);
    assertThat(data.skipped().count(SkipReason.MISSING_COLUMN)).isEqualTo(10);
    assertThat(data.skipped().lines(SkipReason.MISSING_COLUMN)).containsExactly(3L, 6L, 9L);
  }

  /** Streaming: examples before a bad row arrive before the error does. */
  @Test
  void streamsExamplesUpToTheBadRow() throws IOException {
    Path file = Files.writeString(dir.resolve("stream.txt"), "a;joy\nb;joy\n;joy\n");
    try (ExampleStream stream = DatasetReader.open(file, ReadOptions.defaults())) {
      assertThat(stream.next().text()).isEqualTo("a");
      assertThat(stream.next().text()).isEqualTo("b");
      assertThatThrownBy(stream::hasNext).hasMessage(file + " line 3: empty text");
    }
  }

  @Test
  void duplicateHeaderNamesAreAnErrorEvenWhenSkipping() throws IOException {
    Path file = dir.resolve("dup.csv");
    Files.writeString(file, "text,label,text\na,joy,b\n");
    assertThatThrownBy(
            () ->
                DatasetReader.read(file, ReadOptions.builder().policy(BadInputPolicy.SKIP).build()))
        .hasMessage(file + " line 1: duplicate header 'text' (columns 0 and 2)");
  }

  @Test
  void unknownColumnNamesTheHeader() throws IOException {
    Path file = dir.resolve("cols.csv");
    Files.writeString(file, "sentence,emotion\na,joy\n");
    assertThatThrownBy(() -> DatasetReader.read(file, ReadOptions.defaults()))
        .hasMessage(file + " line 1: no column 'text'; the header has sentence, emotion");
  }

  @Test
  void unterminatedQuoteIsAnErrorEvenWhenSkipping() throws IOException {
    Path file = dir.resolve("quote.csv");
    Files.writeString(file, "text,label\nok,joy\n\"never closed,joy\nmore,joy\n");
    assertThatThrownBy(
            () ->
                DatasetReader.read(file, ReadOptions.builder().policy(BadInputPolicy.SKIP).build()))
        .isInstanceOf(BadInputException.class)
        .hasMessage(
            file + " line 3: malformed CSV: EOF reached before encapsulated token finished");
  }

  @Test
  void tweetevalUnequalLineCountsNameBothCounts() throws IOException {
    Files.writeString(dir.resolve("val_text.txt"), "one\ntwo\nthree\n");
    Files.writeString(dir.resolve("val_labels.txt"), "0\n1\n");
    assertThatThrownBy(() -> DatasetReader.read(dir.resolve("val"), ReadOptions.defaults()))
        .hasMessage(
            dir.resolve("val_text.txt")
                + " has 3 lines but "
                + dir.resolve("val_labels.txt")
                + " has 2; line i of one must label line i of the other");
  }

  @Test
  void tweetevalLabelErrorsNameTheLabelsFile() throws IOException {
    Files.writeString(dir.resolve("mapping.txt"), "0\tnegative\n1\tneutral\n2\tpositive\n");
    Files.writeString(dir.resolve("test_text.txt"), "one\n\nthree\n");
    Files.writeString(dir.resolve("test_labels.txt"), "0\n1\n3\n");
    assertThatThrownBy(() -> DatasetReader.read(dir.resolve("test"), ReadOptions.defaults()))
        .hasMessage(dir.resolve("test_text.txt") + " line 2: empty text");
    Dataset data =
        DatasetReader.read(
            dir.resolve("test"), ReadOptions.builder().policy(BadInputPolicy.SKIP).build());
    assertThat(data.size()).isEqualTo(1);
    assertThat(data.skipped().lines(SkipReason.EMPTY_TEXT)).containsExactly(2L);
    assertThat(data.skipped().lines(SkipReason.UNKNOWN_LABEL)).containsExactly(3L);
    Files.writeString(dir.resolve("test_text.txt"), "one\ntwo\nthree\n");
    assertThatThrownBy(() -> DatasetReader.read(dir.resolve("test"), ReadOptions.defaults()))
        .hasMessage(
            dir.resolve("test_labels.txt")
                + " line 3: unknown label '3'; known: negative, neutral, positive (ids 0-2)");
  }

  private Path write(Case c) throws IOException {
    Path file = dir.resolve(c.file());
    Files.write(file, c.content());
    return file;
  }

  private static byte[] bytes(String before, byte bad, String after) {
    byte[] a = before.getBytes(StandardCharsets.UTF_8);
    byte[] b = after.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[a.length + 1 + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    out[a.length] = bad;
    System.arraycopy(b, 0, out, a.length + 1, b.length);
    return out;
  }
}

package org.bertfit.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.bertfit.datasets.Dataset;
import org.bertfit.datasets.Example;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DataFormatTest {
  @TempDir static Path dir;

  static Stream<Arguments> files() {
    return Stream.of(
        Arguments.of("a.csv", "text,label\n", DataFormat.CSV),
        Arguments.of("a.TSV", "x\ty\n", DataFormat.TSV),
        Arguments.of("a.jsonl", "{}\n", DataFormat.JSONL),
        Arguments.of("a.conll", "EU B-ORG\n", DataFormat.CONLL),
        Arguments.of(
            "emotion.txt", "\ni feel good;joy\nno label\ni am sad;sadness\n", DataFormat.SEMICOLON),
        Arguments.of("ner.txt", "-DOCSTART- -X- O\n\nEU NNP B-ORG\n", DataFormat.CONLL),
        Arguments.of("mit.txt", "B-Rating\t2\nO\tstar\n", DataFormat.CONLL),
        Arguments.of("ner2.txt", "EU NNP B-ORG\nrejects VBZ O\n", DataFormat.CONLL),
        Arguments.of("dump.txt", "{\"text\": \"hi\"}\n", DataFormat.JSONL));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void detects(String name, String content, DataFormat format) throws Exception {
    Path file = Files.writeString(dir.resolve(name), content);
    assertThat(DataFormat.detect(file)).isEqualTo(format);
  }

  @Test
  void detectsTweetEvalSplitsByPrefix() throws Exception {
    Files.writeString(dir.resolve("val_text.txt"), "hi\n");
    Files.writeString(dir.resolve("val_labels.txt"), "0\n");
    assertThat(DataFormat.detect(dir.resolve("val"))).isEqualTo(DataFormat.TWEETEVAL);
    assertThat(DataFormat.detect(dir.resolve("val_labels.txt"))).isEqualTo(DataFormat.TWEETEVAL);
  }

  @Test
  void namesWhatItCannotTell() throws Exception {
    Path file = Files.writeString(dir.resolve("notes.txt"), "just some prose\nwithout structure\n");
    assertThatThrownBy(() -> DataFormat.detect(file))
        .hasMessage(
            "cannot tell the input format of "
                + file
                + " from its name or first lines; give it as"
                + " one of: csv, tsv, tweeteval, semicolon, jsonl, conll, text");
    assertThatThrownBy(() -> DataFormat.detect(dir.resolve("nothing.csv")))
        .hasMessage(dir.resolve("nothing.csv") + ": no such file");
    assertThatThrownBy(() -> DataFormat.fromName("xml"))
        .hasMessage(
            "unknown input format 'xml'; known: csv, tsv, tweeteval, semicolon, jsonl, conll,"
                + " text");
  }

  @Test
  void readsPlainTextWhenNoLabelsAreAsked() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("tweets.txt"), "just some prose\n\nwith; a semicolon\nand more\n");
    ReadOptions unlabelled = ReadOptions.builder().unlabelled().build();
    assertThat(DataFormat.detect(file, false)).isEqualTo(DataFormat.TEXT);
    Dataset data = DatasetReader.read(file, unlabelled);
    assertThat(data.texts()).containsExactly("just some prose", "with; a semicolon", "and more");
    assertThat(data.examples()).extracting(Example::line).containsExactly(1L, 3L, 4L);
    assertThatThrownBy(
            () -> DatasetReader.read(file, ReadOptions.builder().format(DataFormat.TEXT).build()))
        .hasMessage(
            file
                + ": plain text (one text a line) has no labels; name the format of labelled data");
  }
}

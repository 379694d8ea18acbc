package org.bertfit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bertfit.datasets.io.Column;
import org.bertfit.datasets.io.DataFormat;
import org.bertfit.datasets.io.DatasetReader;
import org.bertfit.datasets.io.ReadOptions;
import org.bertfit.datasets.labels.LabelEncoder;

/**
 * Every text of the shared datasets, read by bertfit's readers: emotion, GoEmotions and TweetEval
 * sentiment (every split there is), and CoNLL-2003's sentences with their words joined by spaces.
 */
final class SharedTexts {
  private SharedTexts() {}

  /** All texts, dataset after dataset, split after split. */
  static List<String> all(Path root) {
    List<String> texts = new ArrayList<>();
    ReadOptions semicolon = ReadOptions.builder().format(DataFormat.SEMICOLON).build();
    for (String split : List.of("train", "validation", "test")) {
      texts.addAll(read(root.resolve("emotion/" + split + ".txt"), semicolon));
    }
    Path goemotions = root.resolve("goemotions");
    ReadOptions tsv = goemotions(goemotions);
    for (String split : List.of("train", "dev", "test")) {
      texts.addAll(read(goemotions.resolve(split + ".tsv"), tsv));
    }
    ReadOptions tweeteval = ReadOptions.builder().format(DataFormat.TWEETEVAL).build();
    for (String split : List.of("val", "test")) {
      texts.addAll(read(root.resolve("tweeteval/sentiment/" + split), tweeteval));
    }
    ReadOptions conll = ReadOptions.builder().format(DataFormat.CONLL).build();
    for (String split : List.of("train", "valid", "test")) {
      texts.addAll(read(root.resolve("conll2003/" + split + ".txt"), conll));
    }
    return texts;
  }

  /** How GoEmotions' {@code .tsv} files in {@code dir} are read: text, comma-separated label ids. */
  static ReadOptions goemotions(Path dir) {
    return ReadOptions.builder()
        .format(DataFormat.TSV)
        .header(false)
        .textColumn(Column.at(0))
        .labelColumn(Column.at(1))
        .labelSeparator(",")
        .labelNames(LabelEncoder.fromNamesFile(dir.resolve("labels.txt")).names())
        .build();
  }

  private static List<String> read(Path path, ReadOptions options) {
    return DatasetReader.read(path, options).texts();
  }
}

package org.bertfit.datasets;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.bertfit.datasets.io.Column;
import org.bertfit.datasets.io.DatasetReader;
import org.bertfit.datasets.io.ReadOptions;
import org.bertfit.datasets.io.SharedDatasets;
import org.bertfit.datasets.labels.LabelEncoder;

/** The data tests read: samples shipped in test resources, and the shared real datasets. */
public final class TestData {
  private TestData() {}

  /** A shipped sample, e.g. {@code emotion/train-200.txt} under {@code samples/}. */
  public static Path sample(String relative) {
    try {
      return Path.of(TestData.class.getResource("/samples/").toURI()).resolve(relative);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The shipped GoEmotions sample: 200 rows, multi-label, ids into {@code labels.txt}. */
  public static Dataset sampleGoEmotions() {
    return DatasetReader.read(
        sample("goemotions/train-200.tsv"), goemotions(sample("goemotions/labels.txt")));
  }

  /** GoEmotions' TSV layout: no header, text, comma-separated ids into {@code labels.txt}. */
  public static ReadOptions goemotions(Path labelsTxt) {
    return ReadOptions.builder()
        .header(false)
        .textColumn(Column.at(0))
        .labelColumn(Column.at(1))
        .labelSeparator(",")
        .labelNames(LabelEncoder.fromNamesFile(labelsTxt).names())
        .build();
  }

  /**
   * A GoEmotions file of the shared datasets ({@code train.tsv}, {@code dev.tsv}, {@code
   * test.tsv}).
   */
  public static Dataset sharedGoEmotions(String file) {
    return DatasetReader.read(
        shared("goemotions/" + file), goemotions(shared("goemotions/labels.txt")));
  }

  /** A file of the shared datasets; the test is skipped, saying why, when they are absent. */
  public static Path shared(String relative) {
    Optional<Path> root = SharedDatasets.locate();
    assumeTrue(
        root.isPresent(),
        "skipped: the shared datasets were not found: " + SharedDatasets.searched());
    Path path = root.get().resolve(relative);
    assumeTrue(
        Files.exists(path) || Files.exists(path.resolveSibling(path.getFileName() + "_text.txt")),
        "skipped: " + path + " is absent");
    return path;
  }
}

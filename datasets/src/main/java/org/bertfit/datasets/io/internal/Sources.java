package org.bertfit.datasets.io.internal;

import java.io.IOException;
import java.nio.file.Path;
import org.bertfit.datasets.io.DataFormat;

/** Opens the {@link ExampleSource} of a format. */
public final class Sources {
  private Sources() {}

  public static ExampleSource open(DataFormat format, Path path, RowChecker rows)
      throws IOException {
    return switch (format) {
      case CSV -> new CsvSource(path, rows, false);
      case TSV -> new CsvSource(path, rows, true);
      case TWEETEVAL -> new TweetEvalSource(path, rows);
      case SEMICOLON -> new SemicolonSource(path, rows);
      case JSONL -> new JsonlSource(path, rows);
      case CONLL -> new ConllSource(path, rows);
      case TEXT -> new TextSource(path, rows);
    };
  }
}

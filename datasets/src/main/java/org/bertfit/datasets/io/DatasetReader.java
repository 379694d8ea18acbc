package org.bertfit.datasets.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.bertfit.datasets.Dataset;
import org.bertfit.datasets.Example;
import org.bertfit.datasets.Task;
import org.bertfit.datasets.io.internal.BadRows;
import org.bertfit.datasets.io.internal.ExampleSource;
import org.bertfit.datasets.io.internal.RowChecker;
import org.bertfit.datasets.io.internal.Sources;
import org.bertfit.datasets.io.internal.TweetEvalSource;

/**
 * Reads labelled text in any {@link DataFormat}, UTF-8 only, applying the {@link BadInputPolicy}.
 *
 * <pre>{@code
 * Dataset train = DatasetReader.read(Path.of("emotion/train.txt"), ReadOptions.defaults());
 * }</pre>
 */
public final class DatasetReader {
  private static final Logger LOG = LogManager.getLogger();

  private DatasetReader() {}

  /** Reads all examples of {@code path}; skipped rows are also logged as a warning. */
  public static Dataset read(Path path, ReadOptions options) {
    try (ExampleStream stream = open(path, options)) {
      List<Example> examples = new ArrayList<>();
      stream.forEachRemaining(examples::add);
      SkipReport skipped = stream.skipped();
      if (skipped.total() > 0) {
        LOG.warn("{}: skipped {} bad rows: {}", path, skipped.total(), skipped.counts());
      }
      LOG.debug("{}: read {} examples", path, examples.size());
      return new Dataset(
          path.toString(),
          stream.task(),
          options.labelled(),
          examples,
          stream.labelNames(),
          skipped);
    }
  }

  /** Opens {@code path} for reading one example at a time. */
  public static ExampleStream open(Path path, ReadOptions options) {
    DataFormat format =
        options.format() != null ? options.format() : DataFormat.detect(path, options.labelled());
    List<String> labelNames = options.labelNames();
    if (labelNames.isEmpty() && format == DataFormat.TWEETEVAL) {
      labelNames = TweetEvalSource.mapping(path);
    }
    Task task =
        format == DataFormat.CONLL
            ? Task.TOKEN_CLASSIFICATION
            : options.multiLabel() ? Task.MULTI_LABEL : Task.SINGLE_LABEL;
    BadRows bad = new BadRows(options.policy(), options.reportedLines());
    try {
      ExampleSource source = Sources.open(format, path, new RowChecker(options, bad, labelNames));
      return new ExampleStream(path.toString(), task, labelNames, source, bad);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }
}

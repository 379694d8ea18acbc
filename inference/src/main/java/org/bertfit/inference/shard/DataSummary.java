package org.bertfit.inference.shard;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import org.bertfit.datasets.Example;
import org.bertfit.datasets.Task;
import org.bertfit.datasets.io.DatasetReader;
import org.bertfit.datasets.io.ExampleStream;
import org.bertfit.datasets.io.ReadOptions;
import org.bertfit.datasets.io.SkipReport;
import org.bertfit.datasets.labels.LabelEncoder;

/**
 * What a first pass over labelled data finds, before the model runs: how many rows, which were
 * skipped, and a fingerprint of their contents (shards of one evaluation must have read the same
 * data). The pass fails at once, listing them all, when labels are not the model's.
 *
 * @param source the path as given
 * @param rows examples read (bad rows skipped under the skip policy are not counted)
 * @param fingerprint a digest of every example's texts and labels
 * @param skipped the rows skipped, by reason
 */
public record DataSummary(String source, long rows, String fingerprint, SkipReport skipped) {

  /**
   * Reads {@code path} once.
   *
   * @param labels the model's labels
   * @param tagging whether the model is a token classifier, which evaluates on tagged sentences
   * @throws IllegalArgumentException listing the labels the model does not know, or when the data
   *     does not suit the model (texts for a token classifier, tagged sentences for another)
   */
  public static DataSummary scan(
      Path path, ReadOptions options, List<String> labels, boolean tagging) {
    if (!options.labelled()) {
      throw new IllegalArgumentException("evaluation needs labelled data; no label column is set");
    }
    try (ExampleStream examples = DatasetReader.open(path, options)) {
      if (!tagging) {
        requireTexts(path, examples.task());
      } else if (examples.task() != Task.TOKEN_CLASSIFICATION) {
        throw new IllegalArgumentException(
            path
                + " holds texts; a token classifier is evaluated on tagged sentences (CoNLL,"
                + " --input-format conll)");
      }
      Digesting digested = new Digesting(examples);
      LabelEncoder.of(labels).requireKnown(path.toString(), digested);
      if (digested.rows == 0) {
        throw new IllegalArgumentException(
            path + ": no examples to evaluate (skipped: " + examples.skipped().counts() + ")");
      }
      return new DataSummary(
          path.toString(),
          digested.rows,
          HexFormat.of().formatHex(digested.sha.digest(), 0, 16),
          examples.skipped());
    }
  }

  /** Fails for tagged sentences (CoNLL), which only a token classifier takes. */
  public static void requireTexts(Path path, Task task) {
    if (task == Task.TOKEN_CLASSIFICATION) {
      throw new IllegalArgumentException(
          path
              + " holds tagged sentences (token classification); this model classifies whole"
              + " texts");
    }
  }

  /** Passes examples through, counting them and digesting their texts and labels. */
  private static final class Digesting implements Iterator<Example> {
    private final Iterator<Example> examples;
    private final MessageDigest sha = sha256();
    private long rows;

    Digesting(Iterator<Example> examples) {
      this.examples = examples;
    }

    @Override
    public boolean hasNext() {
      return examples.hasNext();
    }

    @Override
    public Example next() {
      Example e = examples.next();
      rows++;
      String pair = e.textPair() == null ? "" : e.textPair();
      String labels = String.join("\u001f", e.labels());
      sha.update((e.text() + '\0' + pair + '\0' + labels + '\n').getBytes(StandardCharsets.UTF_8));
      return e;
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package org.bertfit.inference.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.bertfit.models.files.AtomicWrite;
import org.bertfit.models.files.AtomicWrite.PendingFile;
import org.bertfit.inference.Prediction;

/**
 * Writes a token classifier's predictions as conlleval reads them: a {@code word gold predicted}
 * line a word, a blank line after each sentence. The gold tags are the input's.
 */
public final class PredictionsConll implements PredictionWriter {
  private final PendingFile file;
  private final List<String> labels;

  private PredictionsConll(PendingFile file, List<String> labels) {
    this.file = file;
    this.labels = List.copyOf(labels);
  }

  /**
   * Starts writing {@code target}.
   *
   * @param labels the model's label names in id order
   */
  public static PredictionsConll create(Path target, List<String> labels) {
    return new PredictionsConll(AtomicWrite.open(target), labels);
  }

  /**
   * Writes one sentence.
   *
   * @throws IllegalArgumentException when the sentence has no gold tags to write
   */
  @Override
  public void write(Prediction p) {
    List<String> words = p.example().words();
    List<String> gold = p.example().labels();
    if (gold.size() != words.size()) {
      throw new IllegalArgumentException(
          "line " + p.example().line() + ": no gold tags; CoNLL output repeats the input's tags"
              + " (read CoNLL files with a tag column)");
    }
    List<String> predicted = p.tags(labels);
    StringBuilder s = new StringBuilder();
    for (int w = 0; w < words.size(); w++) {
      s.append(words.get(w)).append(' ').append(gold.get(w)).append(' ')
          .append(predicted.get(w)).append('\n');
    }
    try {
      file.writer().append(s).append('\n');
    } catch (IOException e) {
      throw file.failure(e);
    }
  }

  @Override
  public void commit() {
    file.commit();
  }

  @Override
  public void close() {
    file.close();
  }
}

package org.bertfit.training.tasks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bertfit.datasets.Dataset;
import org.bertfit.datasets.Example;
import org.bertfit.models.BertConfig;
import org.bertfit.models.testing.TinySavedModels;
import org.bertfit.training.FitConfig;

/** Tiny pretrained models and data files for the task classifiers' tests. */
final class TaskFiles {
  private TaskFiles() {}

  /** A tiny random "pretrained" bertfit model directory with the encoder of {@code config}. */
  static String pretrained(Path dir, BertConfig config) {
    return TinySavedModels.modelDirectory(dir.resolve("pretrained"), config, 11).toString();
  }

  /** The demo's recipe, silent, with the epochs and learning rate a tiny model learns a synthetic task with. */
  static TaskOptions.Builder options(int epochs, double learningRate) {
    FitConfig fit = TaskDefaults.fitConfig().toBuilder().epochs(epochs).learningRate(learningRate).build();
    return TaskOptions.builder().maxLength(32).fit(fit).callbacks();
  }

  /** {@code text;label} lines. */
  static Path semicolon(Path file, Dataset data) {
    List<String> lines = new ArrayList<>();
    for (Example e : data.examples()) {
      lines.add(e.text() + ";" + e.labels().get(0));
    }
    return write(file, lines);
  }

  /** {@code word tag} lines, a blank line after each sentence. */
  static Path conll(Path file, Dataset data) {
    List<String> lines = new ArrayList<>();
    for (Example e : data.examples()) {
      for (int w = 0; w < e.words().size(); w++) {
        lines.add(e.words().get(w) + " " + e.labels().get(w));
      }
      lines.add("");
    }
    return write(file, lines);
  }

  private static Path write(Path file, List<String> lines) {
    try {
      return Files.write(file, lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

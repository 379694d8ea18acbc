package org.bertfit.training.tasks;

import java.nio.file.Path;
import org.bertfit.datasets.Dataset;
import org.bertfit.models.export.ExportedModel;
import org.bertfit.models.io.ModelDirectory;
import org.bertfit.training.History;
import org.bertfit.training.Model;

/**
 * What {@link TextClassifier} and {@link TokenClassifier} share: training on files or examples,
 * saving, exporting, and the underlying {@link Model}. Closing releases the model.
 */
public abstract sealed class TaskClassifier implements AutoCloseable permits TextClassifier, TokenClassifier {
  final TaskModel task;

  TaskClassifier(TaskModel task) {
    this.task = task;
  }

  /**
   * Trains on a labelled file (any format of {@code bertfit data stats}); {@code validation} (may be
   * null) is evaluated after each epoch and picks the best one.
   */
  public History fit(Path train, Path validation) {
    return task.fit(task.read(train), validation == null ? null : task.read(validation));
  }

  /** Trains on examples; {@code validation} may be null. */
  public History fit(Dataset train, Dataset validation) {
    return task.fit(train, validation);
  }

  /** Writes a bertfit model directory (for {@code bertfit predict}, {@code evaluate}, ...), atomically. */
  public ModelDirectory save(Path dir) {
    return task.save(dir);
  }

  /** Exports the next version of a SavedModel for TF Serving under {@code base}, atomically. */
  public ExportedModel export(Path base) {
    return task.export(base);
  }

  /** The underlying model: the full API (compile, fit with checkpoints, evaluate, predict). */
  public Model model() {
    return task.model();
  }

  @Override
  public void close() {
    task.close();
  }
}

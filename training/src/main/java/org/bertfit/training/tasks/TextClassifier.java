package org.bertfit.training.tasks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bertfit.datasets.Dataset;
import org.bertfit.datasets.Example;
import org.bertfit.datasets.Task;
import org.bertfit.datasets.io.SkipReport;
import org.bertfit.evaluation.EvaluationReport;
import org.bertfit.evaluation.Evaluator;
import org.bertfit.training.History;

/**
 * Fine-tunes a pretrained BERT to label texts, in a few lines: {@link #fromPretrained}, {@link
 * #fit}, {@link #evaluate} (the class-wise report), {@link #predict}, {@link #export}. Defaults are
 * the demo's recipe ({@link TaskOptions#defaults()}); {@link #model()} opens the full API.
 *
 * <pre>{@code
 * try (TextClassifier classifier = TextClassifier.fromPretrained("bert-base-uncased")) {
 *   classifier.fit(Path.of("train.csv"), Path.of("validation.csv"));
 *   System.out.print(TextReport.format(classifier.evaluate(Path.of("test.csv"))));
 *   classifier.export(Path.of("saved_models/emotion"));
 * }
 * }</pre>
 */
public final class TextClassifier extends TaskClassifier {
  private TextClassifier(TaskModel task) {
    super(task);
  }

  /**
   * A classifier on {@code pretrained}: {@code bert-base-uncased} or {@code bert-base-cased}
   * (Google's BERT-base, from Maven Central), a directory (SavedModel or bertfit model), a jar, or
   * Maven coordinates of a jar. Its labels are those of the first training data (sorted), as
   * {@code bertfit train} takes them.
   */
  public static TextClassifier fromPretrained(String pretrained) {
    return fromPretrained(pretrained, null, TaskOptions.defaults());
  }

  /** A classifier of {@code labels} (in this order) on {@code pretrained}. */
  public static TextClassifier fromPretrained(String pretrained, List<String> labels) {
    return fromPretrained(pretrained, labels, TaskOptions.defaults());
  }

  /**
   * As {@link #fromPretrained(String, List)}, with options (multi-label, max length, {@code
   * FitConfig}, ...); {@code labels} may be null: the first training data's.
   */
  public static TextClassifier fromPretrained(String pretrained, List<String> labels, TaskOptions options) {
    Task problem = options.multiLabel()
        ? Task.MULTI_LABEL : Task.SINGLE_LABEL;
    return new TextClassifier(new TaskModel(pretrained, labels, problem, options));
  }

  /** Trains on texts with one label each, without validation. */
  public History fit(List<String> texts, List<String> labels) {
    return task.fit(examples(texts, labels), null);
  }

  /** The class-wise report on a labelled file. */
  public EvaluationReport evaluate(Path data) {
    return evaluate(task.read(data));
  }

  /** The class-wise report on texts with one label each. */
  public EvaluationReport evaluate(List<String> texts, List<String> labels) {
    return evaluate(examples(texts, labels));
  }

  /** The class-wise report (per-class precision, recall, F1, averages, confusion, diagnostics). */
  public EvaluationReport evaluate(Dataset data) {
    return task.evaluate(data).report(Evaluator.builder().build());
  }

  /** The labels and probabilities of each text, in order. */
  public List<TextPrediction> predict(List<String> texts) {
    List<String> names = task.labels();
    return task.predict(texts, (example, decision) -> {
      List<String> labels = new ArrayList<>();
      for (int id : decision.labels()) {
        labels.add(names.get(id));
      }
      Map<String, Float> scores = new LinkedHashMap<>();
      for (int c = 0; c < names.size(); c++) {
        scores.put(names.get(c), decision.probabilities()[c]);
      }
      return new TextPrediction(example.text(), labels, scores);
    });
  }

  /** Texts with one label each, numbered from 1 for messages. */
  private static Dataset examples(List<String> texts, List<String> labels) {
    if (texts.size() != labels.size()) {
      throw new IllegalArgumentException(
          "texts (" + texts.size() + ") and labels (" + labels.size() + ") must have the same size");
    }
    List<Example> examples = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      if (texts.get(i) == null || labels.get(i) == null) {
        throw new IllegalArgumentException("text " + (i + 1) + ": the text or its label is null");
      }
      examples.add(Example.of(texts.get(i), List.of(labels.get(i)), i + 1));
    }
    return new Dataset("texts", Task.SINGLE_LABEL, true, examples, List.of(), SkipReport.NONE);
  }
}

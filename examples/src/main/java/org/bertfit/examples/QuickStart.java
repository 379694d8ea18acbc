package org.bertfit.examples;

import java.nio.file.Path;
import org.bertfit.evaluation.report.TextReport;
import org.bertfit.training.tasks.TextClassifier;

/** README, "The Java API": fine-tune, print the class-wise report, export for TF Serving. */
public final class QuickStart {
  private QuickStart() {}

  public static void main(String[] args) {
    try (TextClassifier classifier = TextClassifier.fromPretrained("bert-base-uncased")) {
      classifier.fit(Path.of("emotion/train.txt"), Path.of("emotion/validation.txt"));
      System.out.print(TextReport.format(classifier.evaluate(Path.of("emotion/test.txt"))));
      classifier.export(Path.of("saved_models/emotion"));
    }
  }
}

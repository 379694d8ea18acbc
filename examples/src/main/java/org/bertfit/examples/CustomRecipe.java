package org.bertfit.examples;

import java.nio.file.Path;
import java.util.List;
import org.bertfit.training.FitConfig;
import org.bertfit.training.tasks.TaskDefaults;
import org.bertfit.training.tasks.TaskOptions;
import org.bertfit.training.tasks.TextClassifier;
import org.bertfit.training.tasks.TextPrediction;

/** README, "The Java API": other settings, texts from memory, predictions, a model directory. */
public final class CustomRecipe {
  private CustomRecipe() {}

  public static void main(String[] args) {
    FitConfig fit = TaskDefaults.fitConfig().toBuilder().epochs(4).learningRate(5e-5).batchSize(8).build();
    TaskOptions options = TaskOptions.builder().fit(fit).maxLength(64).build();
    List<String> texts = List.of("I love it", "Best purchase ever", "Awful.", "It broke after a day");
    List<String> labels = List.of("positive", "positive", "negative", "negative");
    try (TextClassifier classifier = TextClassifier.fromPretrained("bert-base-uncased", null, options)) {
      classifier.fit(texts, labels);
      for (TextPrediction p : classifier.predict(List.of("What a great day", "I want my money back"))) {
        System.out.println(p.label() + " " + p.scores() + " " + p.text());
      }
      classifier.save(Path.of("models/sentiment"));
    }
  }
}

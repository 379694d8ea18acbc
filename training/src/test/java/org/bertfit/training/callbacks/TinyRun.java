package org.bertfit.training.callbacks;

import org.bertfit.models.testing.TinySavedModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bertfit.datasets.Dataset;
import org.bertfit.datasets.EncodedDataset;
import org.bertfit.datasets.Example;
import org.bertfit.datasets.Task;
import org.bertfit.datasets.io.SkipReport;
import org.bertfit.datasets.labels.LabelEncoder;
import org.bertfit.datasets.tokenize.BertTokenizer;
import org.bertfit.datasets.tokenize.TokenizerJson;
import org.bertfit.evaluation.Average;
import org.bertfit.models.BertConfig;
import org.bertfit.training.Callback;
import org.bertfit.training.FitConfig;
import org.bertfit.training.History;
import org.bertfit.training.Model;
import org.bertfit.training.metrics.Metric;
import org.bertfit.training.optimizers.Optimizer;
import org.bertfit.training.tasks.TaskDefaults;

/**
 * Real {@code fit} runs for the callbacks: a tiny random BERT on texts whose class is the keyword
 * they hold. Two epochs of 4 steps, logged every 2 steps and validated at each epoch's end.
 */
final class TinyRun {
  private static final List<String> LABELS = List.of("good", "bad");
  static final FitConfig CONFIG =
      FitConfig.builder().epochs(2).batchSize(8).learningRate(1e-3).loggingSteps(2).build();

  private TinyRun() {}

  static History fit(Path dir, Callback... callbacks) {
    String tokenizer =
        TokenizerJson.forVocabFile(TinySavedModels.writeVocab(dir.resolve("vocab.txt")), true);
    BertConfig config =
        TinySavedModels.CONFIG.toBuilder()
            .problemType(Task.SINGLE_LABEL)
            .labels(LABELS)
            .build();
    try (Model model = Model.create(config, tokenizer, 7)) {
      model.compile(
          Optimizer.adamW(),
          TaskDefaults.loss(config.problemType()),
          List.of(Metric.accuracy(), Metric.f1(Average.MACRO)));
      return model.fit(data(tokenizer, 32), data(tokenizer, 16), CONFIG, callbacks);
    }
  }

  private static EncodedDataset data(String tokenizerJson, int n) {
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String label = LABELS.get(i % 2);
      String text = i % 3 == 0 ? "it was a " + label + " day" : "the time was " + label;
      examples.add(Example.of(text, List.of(label), i + 1));
    }
    Dataset data = new Dataset("tiny", Task.SINGLE_LABEL, true, examples, LABELS, SkipReport.NONE);
    try (BertTokenizer tokenizer = BertTokenizer.fromJson(tokenizerJson, 16)) {
      return EncodedDataset.encode(data, tokenizer, LabelEncoder.of(LABELS));
    }
  }
}

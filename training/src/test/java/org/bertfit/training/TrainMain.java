package org.bertfit.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bertfit.datasets.EncodedDataset;
import org.bertfit.training.metrics.Metric;
import org.bertfit.training.optimizers.Optimizer;
import org.bertfit.training.tasks.TaskDefaults;

/**
 * The child JVM of the training kill test: loads a tiny model directory, prints "ready", waits for
 * a file {@code go} next to the output directory, and trains with a checkpoint every step.
 * Arguments: model directory, output directory, max steps, and optionally a checkpoint to resume.
 */
public final class TrainMain {
  private TrainMain() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[1]);
    FitConfig fit = FitConfig.builder().batchSize(8).learningRate(1e-3).loggingSteps(1)
        .evalStrategy(Strategy.NO).maxSteps(Long.parseLong(args[2]))
        .saveStrategy(Strategy.STEPS).saveSteps(1).outputDir(out).build();
    try (Model model = Model.load(Path.of(args[0]))) {
      model.compile(Optimizer.adamW(), TaskDefaults.loss(model.config().problemType()), List.of(Metric.accuracy()));
      EncodedDataset train = data(Path.of(args[0]), model);
      System.out.println("ready");
      System.out.flush();
      while (!Files.exists(out.resolveSibling("go"))) {
        Thread.sleep(20);
      }
      model.fit(train, null, fit, args.length > 3 ? Path.of(args[3]) : null);
    }
  }

  static EncodedDataset data(Path modelDir, Model model) throws Exception {
    String tokenizer = Files.readString(modelDir.resolve("tokenizer.json"));
    return SyntheticData.encode(
        SyntheticData.singleLabel(32, 3, 11), tokenizer, model.config().labels());
  }
}

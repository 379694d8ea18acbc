package org.bertfit.training.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.bertfit.datasets.Dataset;
import org.bertfit.datasets.EncodedDataset;
import org.bertfit.datasets.Example;
import org.bertfit.datasets.Task;
import org.bertfit.datasets.io.SkipReport;
import org.bertfit.datasets.labels.LabelEncoder;
import org.bertfit.datasets.tokenize.BertTokenizer;
import org.bertfit.models.bench.ForwardBenchmark;
import org.bertfit.models.device.SessionOptions;
import org.bertfit.models.io.PretrainedModel;
import org.bertfit.training.Callback;
import org.bertfit.training.FitConfig;
import org.bertfit.training.Model;
import org.bertfit.training.Strategy;
import org.bertfit.training.TrainingState;
import org.bertfit.training.optimizers.Optimizer;
import org.bertfit.training.tasks.TaskDefaults;

/**
 * Times BERT training steps ({@code fit}'s own loop: forward, backward, AdamW update) and forward
 * passes of the same model on the same batches, at a fixed batch size and sequence length: texts
 * long enough that every batch is exactly {@code seq} tokens. The step is the one the PyTorch
 * reference ({@code torch_bert_bench.py}) times: AdamW at {@value #LEARNING_RATE} with weight decay
 * {@value #WEIGHT_DECAY} (none on biases and LayerNorms), dropout on, no gradient clipping.
 * Medians of the timed steps after warm-up.
 */
public final class TrainBenchmark {
  /** The PyTorch reference's learning rate. */
  public static final double LEARNING_RATE = 2e-5;
  /** The PyTorch reference's weight decay. */
  public static final double WEIGHT_DECAY = 0.01;

  private TrainBenchmark() {}

  /**
   * @param trainSamplesPerSecond training examples per second
   * @param forwardSamplesPerSecond inference examples per second, same graph and batches
   * @param outsideSessionShare the share of a training step's wall time spent outside TensorFlow's
   *     session run (Java: feeding, metrics, callbacks)
   * @param peakRssBytes the process's peak resident memory (VmHWM): one configuration per process
   *     gives each its own figure
   */
  public record Result(
      int batch, int seq, double trainSamplesPerSecond, double forwardSamplesPerSecond,
      double outsideSessionShare, long peakRssBytes) {
    public double ratio() {
      return trainSamplesPerSecond / forwardSamplesPerSecond;
    }

    public String line() {
      return String.format(
          "train: batch=%d seq=%d samples_per_s=%.2f forward_samples_per_s=%.2f ratio=%.3f"
              + " outside_session=%.2f%% peak_rss=%.1fGB",
          batch, seq, trainSamplesPerSecond, forwardSamplesPerSecond, ratio(),
          100 * outsideSessionShare, peakRssBytes / 1e9);
    }
  }

  /**
   * Runs {@code warmup} untimed then {@code steps} timed training steps, then a forward pass over
   * each of the same {@code warmup + steps} batches of texts (the first {@code warmup} untimed).
   *
   * @param session session options (device, threads), or null for TensorFlow's
   */
  public static Result run(PretrainedModel pretrained, int batch, int seq, int warmup, int steps, SessionOptions session) {
    return run(() -> Model.fromPretrained(pretrained, 1, session), pretrained.tokenizerJson(), batch, seq, warmup, steps);
  }

  /**
   * As {@link #run(PretrainedModel, int, int, int, int, SessionOptions)} for the model that {@code
   * newModel} creates (e.g. a small random one), its texts tokenized by {@code tokenizerJson}.
   */
  public static Result run(Supplier<Model> newModel, String tokenizerJson, int batch, int seq, int warmup, int steps) {
    int total = warmup + steps;
    try (Model model = newModel.get()) {
      Dataset texts = texts(total * batch, seq, model.config().labels());
      LabelEncoder labels = LabelEncoder.of(model.config().labels());
      EncodedDataset data;
      List<EncodedDataset> batches = new ArrayList<>();
      try (BertTokenizer tokenizer = BertTokenizer.fromJson(tokenizerJson, seq)) {
        data = EncodedDataset.encode(texts, tokenizer, labels);
        for (int b = 0; b < total; b++) {
          int[] rows = IntStream.range(b * batch, (b + 1) * batch).toArray();
          batches.add(EncodedDataset.encode(texts.subset(rows, "batch " + b), tokenizer, labels));
        }
      }
      model.compile(Optimizer.adamW(), TaskDefaults.loss(model.config().problemType()), List.of());
      StepClock clock = new StepClock(warmup);
      model.fit(data, null,
          FitConfig.builder().batchSize(batch).maxSteps(total).epochs(1).loggingSteps(0)
              .evalStrategy(Strategy.NO).learningRate(LEARNING_RATE).weightDecay(WEIGHT_DECAY)
              .maxGradNorm(0).build(),
          clock);
      double[] forward = new double[steps];
      for (int i = 0; i < total; i++) {
        long t0 = System.nanoTime();
        model.predict(batches.get(i), batch);
        if (i >= warmup) {
          forward[i - warmup] = (System.nanoTime() - t0) / 1e9;
        }
      }
      return new Result(batch, seq, batch / ForwardBenchmark.median(clock.stepSeconds()), batch / ForwardBenchmark.median(forward),
          clock.outsideShare(), peakRss());
    }
  }

  /** Texts of random common words, long enough to be truncated to {@code seq} tokens. */
  private static Dataset texts(int n, int seq, List<String> labels) {
    String[] words = {"the", "model", "reads", "long", "texts", "about", "many", "things", "and", "people",
        "who", "write", "reviews", "of", "films", "books", "games", "music", "food", "travel"};
    Random random = new Random(7);
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < seq + 8; w++) {
        text.append(words[random.nextInt(words.length)]).append(' ');
      }
      examples.add(Example.of(text.toString().strip(), List.of(labels.get(random.nextInt(labels.size()))), i + 1));
    }
    return new Dataset("benchmark", Task.SINGLE_LABEL, true, examples, labels, SkipReport.NONE);
  }

  /** Wall time and session time of each step after warm-up. */
  private static final class StepClock implements Callback {
    private final int warmup;
    private final List<Double> seconds = new ArrayList<>();
    private long last;
    private long lastSession;
    private long wallTimed;
    private long sessionTimed;

    StepClock(int warmup) {
      this.warmup = warmup;
    }

    @Override
    public void onTrainBegin(TrainingState state) {
      last = System.nanoTime();
      lastSession = state.sessionNanos();
    }

    @Override
    public void onStepEnd(TrainingState state, int examples, double loss, double learningRate) {
      long now = System.nanoTime();
      if (state.globalStep() > warmup) {
        seconds.add((now - last) / 1e9);
        wallTimed += now - last;
        sessionTimed += state.sessionNanos() - lastSession;
      }
      last = now;
      lastSession = state.sessionNanos();
    }

    double[] stepSeconds() {
      return seconds.stream().mapToDouble(Double::doubleValue).toArray();
    }

    double outsideShare() {
      return 1 - (double) sessionTimed / wallTimed;
    }
  }

  /** VmHWM from /proc/self/status (Linux), or -1. */
  static long peakRss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}

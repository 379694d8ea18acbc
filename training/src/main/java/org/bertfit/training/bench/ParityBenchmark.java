package org.bertfit.training.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.bertfit.datasets.Batch;
import org.bertfit.datasets.BatchLabels;
import org.bertfit.datasets.BatchOptions;
import org.bertfit.datasets.Dataset;
import org.bertfit.datasets.EncodedDataset;
import org.bertfit.datasets.Example;
import org.bertfit.datasets.Task;
import org.bertfit.datasets.io.SkipReport;
import org.bertfit.datasets.labels.LabelEncoder;
import org.bertfit.datasets.tokenize.BertTokenizer;
import org.bertfit.datasets.tokenize.EncodedBatch;
import org.bertfit.models.BertConfig;
import org.bertfit.models.bench.HfReference;
import org.bertfit.models.graph.InferenceModel;
import org.bertfit.models.io.ModelDirectory;
import org.bertfit.models.io.PretrainedModel;
import org.bertfit.training.Callback;
import org.bertfit.training.FitConfig;
import org.bertfit.training.Model;
import org.bertfit.training.Strategy;
import org.bertfit.training.TrainingState;
import org.bertfit.training.optimizers.LearningRateSchedule;
import org.bertfit.training.optimizers.Optimizer;
import org.bertfit.training.tasks.TaskDefaults;

/**
 * Compares bertfit with an independent PyTorch implementation of transformers' models ({@link
 * HfReference}) on random Hub checkpoints that the reference makes: the forward pass after import,
 * then {@value #STEPS} training steps of {@code fit} (AdamW at 1e-3, weight decay 0.01, linear
 * schedule, clipping at 1.0, dropout off) on the very batches {@code fit} draws, loss by loss, and
 * the first batch's logits after training.
 */
public final class ParityBenchmark {
  /** Optimizer steps per case. */
  public static final int STEPS = 10;

  public static final double FORWARD_TOLERANCE = 1e-4;
  public static final double LOSS_TOLERANCE = 1e-4;
  public static final double FINAL_LOGITS_TOLERANCE = 1e-3;

  private static final int BATCH = 4;
  private static final int LABELS = 3;
  private static final double LR = 1e-3;
  private static final double WEIGHT_DECAY = 0.01;
  private static final double MAX_GRAD_NORM = 1.0;
  private static final long SEED = 11;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The heads compared. */
  public enum Head {
    SINGLE_LABEL("single-label", "sequence", "single_label_classification", Task.SINGLE_LABEL),
    MULTI_LABEL("multi-label", "sequence", "multi_label_classification", Task.MULTI_LABEL),
    TOKEN("token", "token", null, Task.TOKEN_CLASSIFICATION);

    private final String label;
    private final String referenceHead;
    private final String problemType;
    private final Task task;

    Head(String label, String referenceHead, String problemType, Task task) {
      this.label = label;
      this.referenceHead = referenceHead;
      this.problemType = problemType;
      this.task = task;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  /** One case's largest absolute differences. */
  public record Result(String arch, Head head, double forward, double trainLoss, double finalLogits) {
    public boolean passed() {
      return forward <= FORWARD_TOLERANCE && trainLoss <= LOSS_TOLERANCE && finalLogits <= FINAL_LOGITS_TOLERANCE;
    }

    /** {@code parity: arch=A head=H forward_max_abs_diff=X train_loss_max_abs_diff=Y final_logits_max_abs_diff=Z}. */
    public String line() {
      return String.format(
          "parity: arch=%s head=%s forward_max_abs_diff=%.3g train_loss_max_abs_diff=%.3g final_logits_max_abs_diff=%.3g",
          arch, head, forward, trainLoss, finalLogits);
    }
  }

  private final HfReference reference;
  private final Path work;

  /** @param work a directory for the cases' checkpoints and models */
  public ParityBenchmark(HfReference reference, Path work) {
    this.reference = reference;
    this.work = work;
  }

  /** Runs one case. */
  public Result run(String arch, Head head) {
    Path hub = work.resolve(arch + "-" + head);
    reference.make(hub, arch, head.referenceHead, head.problemType, LABELS);
    PretrainedModel source = PretrainedModel.open(hub, null);
    BertConfig config =
        source.config().toBuilder().hiddenDropoutProb(0).attentionProbsDropoutProb(0).classifierDropout(0.0).build();
    PretrainedModel pretrained =
        new PretrainedModel(hub, source.kind(), source.checkpoint(), config, source.vocab(), source.tokenizerJson());
    EncodedDataset data = data(pretrained, head);
    FitConfig fit = fitConfig();
    List<Batch> batches = batches(data, fit);
    EncodedBatch first = batches.get(0).inputs();

    double forward;
    try (InferenceModel model = InferenceModel.create(config)) {
      model.load(pretrained.checkpoint(), SEED);
      InferenceModel.Outputs ours = model.run(first);
      HfReference.Forward theirs = reference.forward(hub, first);
      forward =
          Math.max(
              HfReference.maxAbsDiff(ours.sequence(), theirs.lastHiddenState()),
              HfReference.maxAbsDiff(ours.logits(), theirs.logits()));
    }

    Losses losses = new Losses();
    Path trained = work.resolve(arch + "-" + head + "-trained");
    try (Model model = Model.fromPretrained(pretrained, SEED)) {
      model.compile(Optimizer.adamW(), TaskDefaults.loss(config.problemType()), List.of());
      model.fit(data, null, fit, losses);
      model.save(trained, true);
    }
    float[] finalLogits;
    ModelDirectory saved = new ModelDirectory(trained);
    try (InferenceModel model = InferenceModel.create(saved.config())) {
      model.load(saved.checkpoint(), SEED);
      finalLogits = model.run(first).logits();
    }
    List<ObjectNode> referenceBatches = batches.stream().map(b -> HfReference.batchJson(b.inputs(), labels(b.labels()))).toList();
    HfReference.Training theirs = reference.train(hub, referenceBatches, LR, WEIGHT_DECAY, MAX_GRAD_NORM);
    double lossDiff = 0;
    for (int i = 0; i < STEPS; i++) {
      lossDiff = Math.max(lossDiff, Math.abs(losses.values.get(i) - theirs.losses()[i]));
    }
    return new Result(arch, head, forward, lossDiff, HfReference.maxAbsDiff(finalLogits, theirs.finalLogits()));
  }

  /** Hugging Face's Trainer settings: no warm-up, linear decay over the {@value #STEPS} steps. */
  private static FitConfig fitConfig() {
    return FitConfig.builder()
        .batchSize(BATCH).maxSteps(STEPS).epochs(1).learningRate(LR).weightDecay(WEIGHT_DECAY)
        .maxGradNorm(MAX_GRAD_NORM).warmupSteps(0).warmupRatio(0).schedule(LearningRateSchedule.Kind.LINEAR)
        .seed(SEED).bucketWindow(0).padToMultipleOf(1).loggingSteps(0).evalStrategy(Strategy.NO)
        .saveStrategy(Strategy.NO).build();
  }

  /** The batches {@code fit} draws in its first epoch (its own batch plan). */
  private static List<Batch> batches(EncodedDataset data, FitConfig fit) {
    BatchOptions options =
        BatchOptions.training(fit.batchSize(), fit.seed())
            .withBucketWindow(fit.bucketWindow())
            .withPadToMultipleOf(fit.padToMultipleOf());
    List<Batch> out = new ArrayList<>();
    Iterator<Batch> it = data.batches(options, 0).iterator();
    while (out.size() < STEPS) {
      out.add(it.next());
    }
    return out;
  }

  /** {@value #STEPS} batches of texts of 2 to 12 words of the reference's vocabulary, random labels. */
  private static EncodedDataset data(PretrainedModel pretrained, Head head) {
    List<String> names = pretrained.config().labels();
    Random random = new Random(SEED);
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < STEPS * BATCH; i++) {
      List<String> words = new ArrayList<>();
      List<String> tags = new ArrayList<>();
      for (int w = 2 + random.nextInt(11); w > 0; w--) {
        words.add("w" + (5 + random.nextInt(HfReference.VOCAB - 5)));
        tags.add(names.get(random.nextInt(names.size())));
      }
      examples.add(
          switch (head) {
            case TOKEN -> Example.tagged(words, tags, i + 1);
            case SINGLE_LABEL -> Example.of(String.join(" ", words), List.of(tags.get(0)), i + 1);
            case MULTI_LABEL -> Example.of(String.join(" ", words), tags.stream().distinct().sorted().limit(2).toList(), i + 1);
          });
    }
    Dataset dataset = new Dataset("parity", head.task, true, examples, names, SkipReport.NONE);
    try (BertTokenizer tokenizer = BertTokenizer.fromJson(pretrained.tokenizerJson(), 32)) {
      return EncodedDataset.encode(dataset, tokenizer, LabelEncoder.of(names));
    }
  }

  /** A batch's labels as the reference reads them: class ids, multi-hot rows, or per-token ids (-100 ignored). */
  private static JsonNode labels(BatchLabels labels) {
    ArrayNode out = JSON.createArrayNode();
    if (labels instanceof BatchLabels.ClassIds c) {
      Arrays.stream(c.ids()).forEach(out::add);
    } else if (labels instanceof BatchLabels.MultiHot m) {
      for (int r = 0; r < m.shape()[0]; r++) {
        ArrayNode row = out.addArray();
        for (int k = 0; k < m.numLabels(); k++) {
          row.add((int) m.values()[r * m.numLabels() + k]);
        }
      }
    } else if (labels instanceof BatchLabels.TokenLabels t) {
      for (int r = 0; r < t.shape()[0]; r++) {
        Arrays.stream(t.ids(), r * t.seqLength(), (r + 1) * t.seqLength()).forEach(out.addArray()::add);
      }
    }
    return out;
  }

  /** Each step's training loss, as {@code fit} reports it. */
  private static final class Losses implements Callback {
    private final List<Double> values = new ArrayList<>();

    @Override
    public void onTrainBegin(TrainingState state) {
      values.clear();
    }

    @Override
    public void onStepEnd(TrainingState state, int examples, double loss, double learningRate) {
      values.add(loss);
    }
  }
}

package org.bertfit.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.bertfit.evaluation.Thresholds;
import org.bertfit.training.optimizers.LearningRateSchedule;

/**
 * How {@code fit} trains, in the spirit of Hugging Face's {@code TrainingArguments} (and read from
 * JSON or YAML with the same field names: {@code num_train_epochs}, {@code learning_rate}, ...).
 * Build with {@link #builder()}; defaults are Hugging Face's where it has one.
 *
 * @param epochs passes over the training data (ignored when {@code maxSteps > 0})
 * @param maxSteps optimizer steps to run, or 0 to run {@code epochs}
 * @param batchSize examples per forward pass (per_device_train_batch_size)
 * @param evalBatchSize examples per forward pass in evaluation
 * @param gradientAccumulationSteps forward passes per optimizer step
 * @param warmupSteps linear warm-up steps; when 0, {@code warmupRatio} of the total steps
 * @param maxGradNorm gradients are clipped to this global norm (0: no clipping)
 * @param loggingSteps training loss and metrics are logged every this many optimizer steps
 * @param evalStrategy when to evaluate on the validation data (and after the last step, when that
 *     step was not evaluated: with {@code steps} not a multiple of {@code evalSteps}, or a max_steps mid-epoch)
 * @param saveStrategy when to write a checkpoint ({@code saveTotalLimit} kept, 0 = all)
 * @param metricForBestModel the validation metric that picks the best checkpoint ({@code loss},
 *     {@code accuracy}, {@code f1_macro}, ...)
 * @param threshold multi-label decision threshold for metrics
 * @param earlyStoppingPatience evaluations without improvement before stopping (0: never)
 * @param earlyStoppingThreshold how much the monitored metric must improve to count
 * @param bucketWindow length bucketing window in batches (0 or 1: off)
 * @param padToMultipleOf batches are padded to a multiple of this length (1: to the longest text;
 *     the maximum length: fixed padding)
 */
public record FitConfig(
    int epochs,
    long maxSteps,
    int batchSize,
    int evalBatchSize,
    int gradientAccumulationSteps,
    double learningRate,
    long warmupSteps,
    double warmupRatio,
    LearningRateSchedule.Kind schedule,
    double weightDecay,
    double maxGradNorm,
    long seed,
    long loggingSteps,
    Strategy evalStrategy,
    long evalSteps,
    Strategy saveStrategy,
    long saveSteps,
    int saveTotalLimit,
    boolean loadBestModelAtEnd,
    String metricForBestModel,
    Boolean greaterIsBetter,
    Path outputDir,
    boolean freezeEncoder,
    double threshold,
    int earlyStoppingPatience,
    double earlyStoppingThreshold,
    int bucketWindow,
    int padToMultipleOf) {

  public FitConfig {
    positive("num_train_epochs", epochs);
    positive("per_device_train_batch_size", batchSize);
    positive("per_device_eval_batch_size", evalBatchSize);
    positive("gradient_accumulation_steps", gradientAccumulationSteps);
    positive("pad_to_multiple_of", padToMultipleOf);
    if (maxSteps < 0 || warmupSteps < 0 || loggingSteps < 0 || evalSteps < 0 || saveSteps < 0
        || saveTotalLimit < 0 || earlyStoppingPatience < 0 || bucketWindow < 0) {
      throw new IllegalArgumentException(
          "max_steps, warmup_steps, logging_steps, eval_steps, save_steps, save_total_limit,"
              + " early_stopping_patience and bucket_window must be >= 0");
    }
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("learning_rate must be > 0, got " + learningRate);
    }
    if (!(warmupRatio >= 0 && warmupRatio < 1)) {
      throw new IllegalArgumentException("warmup_ratio must be in [0, 1), got " + warmupRatio);
    }
    if (!(weightDecay >= 0) || !(maxGradNorm >= 0)) {
      throw new IllegalArgumentException("weight_decay and max_grad_norm must be >= 0");
    }
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException("threshold must be in (0, 1), got " + threshold);
    }
    if (evalStrategy == Strategy.STEPS && evalSteps == 0) {
      throw new IllegalArgumentException("eval_strategy steps needs eval_steps > 0");
    }
    if (saveStrategy == Strategy.STEPS && saveSteps == 0) {
      throw new IllegalArgumentException("save_strategy steps needs save_steps > 0");
    }
    if (evalStrategy == Strategy.BEST) {
      throw new IllegalArgumentException("eval_strategy best is not a thing: evaluate on steps or epoch");
    }
    if (saveStrategy == Strategy.BEST && evalStrategy == Strategy.NO) {
      throw new IllegalArgumentException("save_strategy best needs an eval_strategy other than no");
    }
    if (loadBestModelAtEnd && evalStrategy == Strategy.NO) {
      throw new IllegalArgumentException("load_best_model_at_end needs an eval_strategy other than no");
    }
    boolean checkpointAtEachEvaluation = switch (saveStrategy) {
      case STEPS -> evalStrategy == Strategy.STEPS && evalSteps % saveSteps == 0;
      case EPOCH -> evalStrategy == Strategy.EPOCH;
      case NO, BEST -> true; // no checkpoints to resume from, or one at each improvement
    };
    if (loadBestModelAtEnd && !checkpointAtEachEvaluation) {
      throw new IllegalArgumentException("load_best_model_at_end needs a checkpoint at each evaluation (a resumed"
          + " run takes the best weights from it): save_strategy steps with eval_strategy steps and eval_steps a"
          + " multiple of save_steps, epoch with epoch, or save_strategy best; got save_strategy "
          + saveStrategy.name().toLowerCase(Locale.ROOT) + " (save_steps " + saveSteps + "), eval_strategy "
          + evalStrategy.name().toLowerCase(Locale.ROOT)
          + " (eval_steps " + evalSteps + ")");
    }
  }

  private static void positive(String field, long value) {
    if (value < 1) {
      throw new IllegalArgumentException(field + " must be >= 1, got " + value);
    }
  }

  /** Whether a higher value of {@code metricForBestModel} is better (loss: lower). */
  public boolean higherIsBetter() {
    return greaterIsBetter != null ? greaterIsBetter : !metricForBestModel.endsWith("loss");
  }

  /** Warm-up steps for a run of {@code totalSteps}. */
  public long warmupFor(long totalSteps) {
    return warmupSteps > 0 ? warmupSteps : (long) Math.ceil(warmupRatio * totalSteps);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Reads a JSON or YAML file (by extension) of Hugging Face TrainingArguments field names. */
  public static FitConfig read(Path file) {
    String name = file.getFileName().toString();
    ObjectMapper mapper =
        name.endsWith(".yaml") || name.endsWith(".yml") ? new ObjectMapper(new YAMLFactory()) : new ObjectMapper();
    try {
      JsonNode root = mapper.readTree(file.toFile());
      if (root == null || !root.isObject()) {
        throw new IllegalArgumentException("not an object of settings");
      }
      return builder().apply(root).build();
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /** Builds a {@link FitConfig}. */
  public static final class Builder {
    private int epochs = 3;
    private long maxSteps;
    private int batchSize = 8;
    private int evalBatchSize = 32;
    private int gradientAccumulationSteps = 1;
    private double learningRate = 5e-5;
    private long warmupSteps;
    private double warmupRatio;
    private LearningRateSchedule.Kind schedule = LearningRateSchedule.Kind.LINEAR;
    private double weightDecay;
    private double maxGradNorm = 1.0;
    private long seed = 42;
    private long loggingSteps = 50;
    private Strategy evalStrategy = Strategy.EPOCH;
    private long evalSteps;
    private Strategy saveStrategy = Strategy.NO;
    private long saveSteps;
    private int saveTotalLimit;
    private boolean loadBestModelAtEnd;
    private String metricForBestModel = "loss";
    private Boolean greaterIsBetter;
    private Path outputDir;
    private boolean freezeEncoder;
    private double threshold = Thresholds.DEFAULT;
    private int earlyStoppingPatience;
    private double earlyStoppingThreshold;
    private int bucketWindow;
    private int padToMultipleOf = 1;

    private Builder() {}

    private Builder(FitConfig c) {
      epochs = c.epochs;
      maxSteps = c.maxSteps;
      batchSize = c.batchSize;
      evalBatchSize = c.evalBatchSize;
      gradientAccumulationSteps = c.gradientAccumulationSteps;
      learningRate = c.learningRate;
      warmupSteps = c.warmupSteps;
      warmupRatio = c.warmupRatio;
      schedule = c.schedule;
      weightDecay = c.weightDecay;
      maxGradNorm = c.maxGradNorm;
      seed = c.seed;
      loggingSteps = c.loggingSteps;
      evalStrategy = c.evalStrategy;
      evalSteps = c.evalSteps;
      saveStrategy = c.saveStrategy;
      saveSteps = c.saveSteps;
      saveTotalLimit = c.saveTotalLimit;
      loadBestModelAtEnd = c.loadBestModelAtEnd;
      metricForBestModel = c.metricForBestModel;
      greaterIsBetter = c.greaterIsBetter;
      outputDir = c.outputDir;
      freezeEncoder = c.freezeEncoder;
      threshold = c.threshold;
      earlyStoppingPatience = c.earlyStoppingPatience;
      earlyStoppingThreshold = c.earlyStoppingThreshold;
      bucketWindow = c.bucketWindow;
      padToMultipleOf = c.padToMultipleOf;
    }

    /** Sets the fields named in {@code settings}; an unknown name is an error naming it. */
    public Builder apply(JsonNode settings) {
      for (Iterator<Map.Entry<String, JsonNode>> it = settings.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode v = e.getValue();
        switch (e.getKey()) {
          case "num_train_epochs", "epochs" -> epochs = v.asInt();
          case "max_steps" -> maxSteps = v.asLong();
          case "per_device_train_batch_size", "batch_size" -> batchSize = v.asInt();
          case "per_device_eval_batch_size", "eval_batch_size" -> evalBatchSize = v.asInt();
          case "gradient_accumulation_steps" -> gradientAccumulationSteps = v.asInt();
          case "learning_rate" -> learningRate = v.asDouble();
          case "warmup_steps" -> warmupSteps = v.asLong();
          case "warmup_ratio" -> warmupRatio = v.asDouble();
          case "lr_scheduler_type" -> schedule = LearningRateSchedule.Kind.parse(v.asText());
          case "weight_decay" -> weightDecay = v.asDouble();
          case "max_grad_norm" -> maxGradNorm = v.asDouble();
          case "seed" -> seed = v.asLong();
          case "logging_steps" -> loggingSteps = v.asLong();
          case "eval_strategy", "evaluation_strategy" -> evalStrategy = Strategy.parse(v.asText());
          case "eval_steps" -> evalSteps = v.asLong();
          case "save_strategy" -> saveStrategy = Strategy.parse(v.asText());
          case "save_steps" -> saveSteps = v.asLong();
          case "save_total_limit" -> saveTotalLimit = v.asInt();
          case "load_best_model_at_end" -> loadBestModelAtEnd = v.asBoolean();
          case "metric_for_best_model" -> metricForBestModel = v.asText();
          case "greater_is_better" -> greaterIsBetter = v.isNull() ? null : v.asBoolean();
          case "output_dir" -> outputDir = Path.of(v.asText());
          case "freeze_encoder" -> freezeEncoder = v.asBoolean();
          case "threshold" -> threshold = v.asDouble();
          case "early_stopping_patience" -> earlyStoppingPatience = v.asInt();
          case "early_stopping_threshold" -> earlyStoppingThreshold = v.asDouble();
          case "bucket_window" -> bucketWindow = v.asInt();
          case "pad_to_multiple_of" -> padToMultipleOf = v.asInt();
          default -> throw new IllegalArgumentException("unknown setting '" + e.getKey() + "'");
        }
      }
      return this;
    }

    public Builder epochs(int v) { epochs = v; return this; }
    public Builder maxSteps(long v) { maxSteps = v; return this; }
    public Builder batchSize(int v) { batchSize = v; return this; }
    public Builder evalBatchSize(int v) { evalBatchSize = v; return this; }
    public Builder gradientAccumulationSteps(int v) { gradientAccumulationSteps = v; return this; }
    public Builder learningRate(double v) { learningRate = v; return this; }
    public Builder warmupSteps(long v) { warmupSteps = v; return this; }
    public Builder warmupRatio(double v) { warmupRatio = v; return this; }
    public Builder schedule(LearningRateSchedule.Kind v) { schedule = v; return this; }
    public Builder weightDecay(double v) { weightDecay = v; return this; }
    public Builder maxGradNorm(double v) { maxGradNorm = v; return this; }
    public Builder seed(long v) { seed = v; return this; }
    public Builder loggingSteps(long v) { loggingSteps = v; return this; }
    public Builder evalStrategy(Strategy v) { evalStrategy = v; return this; }
    public Builder evalSteps(long v) { evalSteps = v; return this; }
    public Builder saveStrategy(Strategy v) { saveStrategy = v; return this; }
    public Builder saveSteps(long v) { saveSteps = v; return this; }
    public Builder saveTotalLimit(int v) { saveTotalLimit = v; return this; }
    public Builder loadBestModelAtEnd(boolean v) { loadBestModelAtEnd = v; return this; }
    public Builder metricForBestModel(String v) { metricForBestModel = v; return this; }
    public Builder greaterIsBetter(Boolean v) { greaterIsBetter = v; return this; }
    public Builder outputDir(Path v) { outputDir = v; return this; }
    public Builder freezeEncoder(boolean v) { freezeEncoder = v; return this; }
    public Builder threshold(double v) { threshold = v; return this; }
    public Builder earlyStoppingPatience(int v) { earlyStoppingPatience = v; return this; }
    public Builder earlyStoppingThreshold(double v) { earlyStoppingThreshold = v; return this; }
    public Builder bucketWindow(int v) { bucketWindow = v; return this; }
    public Builder padToMultipleOf(int v) { padToMultipleOf = v; return this; }

    public FitConfig build() {
      return new FitConfig(
          epochs, maxSteps, batchSize, evalBatchSize, gradientAccumulationSteps, learningRate,
          warmupSteps, warmupRatio, schedule, weightDecay, maxGradNorm, seed, loggingSteps,
          evalStrategy, evalSteps, saveStrategy, saveSteps, saveTotalLimit, loadBestModelAtEnd,
          metricForBestModel, greaterIsBetter, outputDir, freezeEncoder, threshold,
          earlyStoppingPatience, earlyStoppingThreshold, bucketWindow, padToMultipleOf);
    }
  }
}

package org.bertfit.training.tasks;

import java.util.List;
import java.util.Objects;
import org.bertfit.datasets.io.ReadOptions;
import org.bertfit.datasets.tokenize.SubTokenLabels;
import org.bertfit.models.device.SessionOptions;
import org.bertfit.training.Callback;
import org.bertfit.training.FitConfig;
import org.bertfit.training.callbacks.ProgressBar;
import org.bertfit.training.optimizers.Optimizer;

/**
 * Everything a {@link TextClassifier} or {@link TokenClassifier} can be told beyond its pretrained
 * model and labels. {@link #defaults()} is the demo's recipe; change any part with {@link
 * #builder()}.
 *
 * @param fit how {@code fit} trains ({@link TaskDefaults#fitConfig()}); its seed also seeds the new
 *     head, its {@code evalBatchSize} batches evaluation and prediction, its {@code threshold}
 *     decides multi-label predictions and is exported with the model
 * @param maxLength tokens a text at most, special tokens included (128)
 * @param optimizer AdamW by default
 * @param session threads, devices, XLA ({@link SessionOptions#defaults()})
 * @param read how files are read (the format detected from each file by default)
 * @param multiLabel text classification: any number of labels a text, a sigmoid each
 * @param balancedClassWeights weigh the loss by class, computed on the training data
 * @param alignment token classification: which sub-tokens of a word carry its tag
 * @param callbacks called during {@code fit}: a progress bar on stdout by default
 */
public record TaskOptions(
    FitConfig fit,
    int maxLength,
    Optimizer optimizer,
    SessionOptions session,
    ReadOptions read,
    boolean multiLabel,
    boolean balancedClassWeights,
    SubTokenLabels alignment,
    List<Callback> callbacks) {

  public TaskOptions {
    Objects.requireNonNull(fit, "fit");
    Objects.requireNonNull(optimizer, "optimizer");
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(read, "read");
    Objects.requireNonNull(alignment, "alignment");
    callbacks = List.copyOf(callbacks);
    if (maxLength < 2) {
      throw new IllegalArgumentException("maxLength must be >= 2 (two special tokens), got " + maxLength);
    }
  }

  /** The demo's recipe, max length 128, a progress bar on stdout. */
  public static TaskOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link TaskOptions}; unset parts keep their defaults. */
  public static final class Builder {
    private FitConfig fit = TaskDefaults.fitConfig();
    private int maxLength = 128;
    private Optimizer optimizer = Optimizer.adamW();
    private SessionOptions session = SessionOptions.defaults();
    private ReadOptions read = ReadOptions.defaults();
    private boolean multiLabel;
    private boolean balancedClassWeights;
    private SubTokenLabels alignment = SubTokenLabels.FIRST;
    private List<Callback> callbacks = List.of(ProgressBar.stdout());

    private Builder() {}

    public Builder fit(FitConfig v) { fit = v; return this; }
    public Builder maxLength(int v) { maxLength = v; return this; }
    public Builder optimizer(Optimizer v) { optimizer = v; return this; }
    public Builder session(SessionOptions v) { session = v; return this; }
    public Builder read(ReadOptions v) { read = v; return this; }
    public Builder multiLabel(boolean v) { multiLabel = v; return this; }
    public Builder balancedClassWeights(boolean v) { balancedClassWeights = v; return this; }
    public Builder alignment(SubTokenLabels v) { alignment = v; return this; }
    /** Replaces the callbacks (none: a silent {@code fit}). */
    public Builder callbacks(Callback... v) { callbacks = List.of(v); return this; }

    public TaskOptions build() {
      return new TaskOptions(fit, maxLength, optimizer, session, read, multiLabel, balancedClassWeights, alignment, callbacks);
    }
  }
}

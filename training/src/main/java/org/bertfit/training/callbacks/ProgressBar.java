package org.bertfit.training.callbacks;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.bertfit.training.Callback;
import org.bertfit.training.TrainingState;

/**
 * Shows training progress: epoch, step, ETA, samples/s, loss and learning rate. On a terminal, one
 * line per epoch, redrawn with {@code \r} at most ten times a second; elsewhere (a CI log, {@code
 * nohup} into a file), a plain line every 30 seconds and at the end of each epoch. Each validation
 * run prints one line of its results.
 *
 * <p>Samples/s, the loss and the ETA come from the last 20 steps. Their time is that of the
 * training steps alone: validation and checkpoints do not count, nor does the ETA foresee them.
 */
public final class ProgressBar implements Callback {
  private static final int WINDOW = 20;
  private static final long REDRAW_NANOS = 100_000_000L;
  private static final long LINE_NANOS = 30_000_000_000L;
  private static final int BAR_WIDTH = 10;

  private final PrintWriter out;
  private final boolean terminal;
  private final LongSupplier nanoClock;
  private final Deque<Step> window = new ArrayDeque<>();

  /** When the current step's time began: the end of the previous step, or of a pause. */
  private long since;

  /** When progress was last printed. */
  private long shown;

  /** The newest figures not printed yet, or null. */
  private String pending;

  /** The length of the terminal line drawn so far; 0 when no line is open. */
  private int drawn;

  private record Step(long nanos, int examples, double loss) {}

  /**
   * @param terminal whether {@code out} is a terminal, where the line is redrawn in place
   */
  public ProgressBar(PrintWriter out, boolean terminal) {
    this(out, terminal, System::nanoTime);
  }

  ProgressBar(PrintWriter out, boolean terminal, LongSupplier nanoClock) {
    this.out = Objects.requireNonNull(out, "out");
    this.terminal = terminal;
    this.nanoClock = nanoClock;
  }

  /** A progress bar on standard output, redrawn in place when that is a terminal. */
  public static ProgressBar stdout() {
    return new ProgressBar(new PrintWriter(System.out, true), System.console() != null);
  }

  @Override
  public void onTrainBegin(TrainingState state) {
    window.clear();
    since = shown = nanoClock.getAsLong();
    pending = null;
    drawn = 0;
  }

  @Override
  public void onEpochBegin(TrainingState state) {
    since = nanoClock.getAsLong();
  }

  @Override
  public void onStepEnd(TrainingState state, int examples, double loss, double learningRate) {
    long now = nanoClock.getAsLong();
    window.addLast(new Step(now - since, examples, loss));
    if (window.size() > WINDOW) {
      window.removeFirst();
    }
    since = now;
    pending = progress(state, learningRate);
    if (now - shown >= (terminal ? REDRAW_NANOS : LINE_NANOS)) {
      show(now);
    }
  }

  @Override
  public void onEvaluate(TrainingState state, Map<String, Double> metrics) {
    endLine();
    StringBuilder line = new StringBuilder("eval step " + state.globalStep() + ":");
    metrics.forEach(
        (name, value) ->
            line.append(
                String.format(Locale.ROOT, " %s %.4f", name.replaceFirst("^eval_", ""), value)));
    out.println(line);
    out.flush();
    since = nanoClock.getAsLong();
  }

  @Override
  public void onSave(TrainingState state, Path checkpoint) {
    since = nanoClock.getAsLong();
  }

  @Override
  public void onEpochEnd(TrainingState state) {
    endLine();
  }

  @Override
  public void onTrainEnd(TrainingState state) {
    endLine();
  }

  /** Shows the last step's figures if they are not yet, and ends the terminal's line. */
  private void endLine() {
    if (pending != null) {
      show(nanoClock.getAsLong());
    }
    if (drawn > 0) {
      out.println();
      out.flush();
      drawn = 0;
    }
  }

  private void show(long now) {
    if (terminal) {
      out.print("\r" + pending + " ".repeat(Math.max(0, drawn - pending.length())));
      drawn = pending.length();
    } else {
      out.println(pending);
    }
    out.flush();
    pending = null;
    shown = now;
  }

  private String progress(TrainingState state, double learningRate) {
    long nanos = 0;
    long examples = 0;
    double loss = 0;
    for (Step s : window) {
      nanos += s.nanos();
      examples += s.examples();
      loss += s.loss();
    }
    long remaining = state.maxSteps() - state.globalStep();
    String eta = nanos == 0 ? "?" : duration(remaining * nanos / window.size());
    String rate = nanos == 0 ? "?" : String.format(Locale.ROOT, "%.1f", examples * 1e9 / nanos);
    return String.format(
        Locale.ROOT,
        "%s eta %s %s samples/s loss %.4f lr %.2e",
        position(state),
        eta,
        rate,
        loss / window.size(),
        learningRate);
  }

  private String position(TrainingState state) {
    long epochs = (state.maxSteps() + state.stepsPerEpoch() - 1) / state.stepsPerEpoch();
    String epoch = "epoch " + (state.epoch() + 1) + "/" + epochs;
    String steps = state.globalStep() + "/" + state.maxSteps();
    return terminal
        ? epoch + " " + bar(state.globalStep(), state.maxSteps()) + " " + steps
        : epoch + " step " + steps + " (" + 100 * state.globalStep() / state.maxSteps() + "%)";
  }

  private static String bar(long done, long total) {
    int filled = (int) (BAR_WIDTH * done / total);
    String head = filled < BAR_WIDTH ? ">" + ".".repeat(BAR_WIDTH - filled - 1) : "";
    return "[" + "=".repeat(filled) + head + "]";
  }

  /** {@code m:ss}, or {@code h:mm:ss} from an hour. */
  private static String duration(long nanos) {
    long seconds = Math.round(nanos / 1e9);
    long h = seconds / 3600;
    long m = seconds / 60 % 60;
    long s = seconds % 60;
    return h > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s)
        : String.format(Locale.ROOT, "%d:%02d", m, s);
  }
}

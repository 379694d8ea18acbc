package org.bertfit.training.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bertfit.training.internal.LoopState;
import org.bertfit.training.History;
import org.bertfit.training.LogEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressBarTest {
  private static final long SECOND = 1_000_000_000L;
  private static final String EOL = System.lineSeparator();

  private final StringWriter bytes = new StringWriter();
  private long now;
  private final LoopState state = new LoopState();

  private ProgressBar bar(boolean terminal) {
    return new ProgressBar(
        new PrintWriter(bytes, true), terminal, () -> now);
  }

  private String output() {
    return bytes.toString();
  }

  /** Starts a run of {@code maxSteps} steps at time 0, as {@code fit} does. */
  private void begin(ProgressBar bar, long maxSteps, long stepsPerEpoch) {
    now = 0;
    state.epoch = 0;
    state.globalStep = 0;
    state.maxSteps = maxSteps;
    state.stepsPerEpoch = stepsPerEpoch;
    bar.onTrainBegin(state);
    bar.onEpochBegin(state);
  }

  /** One optimizer step that took {@code nanos}. */
  private void step(ProgressBar bar, long nanos, int examples, double loss, double learningRate) {
    now += nanos;
    state.globalStep++;
    bar.onStepEnd(state, examples, loss, learningRate);
  }

  /** Two epochs of 4 steps: 10 s steps, a 5 s validation, then 6 s steps. */
  private void twoEpochs(ProgressBar bar) {
    begin(bar, 8, 4);
    double[] losses = {1.0, 0.8, 0.6, 0.4, 0.35, 0.3, 0.25, 0.2};
    for (int i = 0; i < 4; i++) {
      step(bar, 10 * SECOND, 16, losses[i], (8 - i) * 1e-5);
    }
    state.epoch++;
    now += 5 * SECOND;
    bar.onEvaluate(state, Map.of("eval_loss", 0.55));
    bar.onEpochEnd(state);
    bar.onEpochBegin(state);
    for (int i = 4; i < 8; i++) {
      step(bar, 6 * SECOND, 16, losses[i], (8 - i) * 1e-5);
    }
    state.epoch++;
    bar.onEpochEnd(state);
    bar.onTrainEnd(state);
  }

  @Test
  void plainLinesComeEveryThirtySecondsAndAtEachEpochsEnd() {
    ProgressBar bar = bar(false);
    twoEpochs(bar);
    // Samples/s and loss over the steps so far (fewer than the window); ETA: steps left x mean
    // step.
    assertThat(output().lines())
        .containsExactly(
            "epoch 1/2 step 3/8 (37%) eta 0:50 1.6 samples/s loss 0.8000 lr 6.00e-05",
            "epoch 1/2 step 4/8 (50%) eta 0:40 1.6 samples/s loss 0.7000 lr 5.00e-05",
            "eval step 4: loss 0.5500",
            "epoch 2/2 step 8/8 (100%) eta 0:00 2.0 samples/s loss 0.4875 lr 1.00e-05");
    String first = output();
    bytes.getBuffer().setLength(0);
    twoEpochs(bar);
    assertThat(output()).as("a second run with the same instance").isEqualTo(first);
  }

  @Test
  void samplesPerSecondLossAndEtaForgetStepsOlderThanTheWindow() {
    ProgressBar bar = bar(false);
    begin(bar, 1000, 1000);
    for (int i = 0; i < 5; i++) {
      step(bar, 100 * SECOND, 8, 9.0, 2e-5);
    }
    for (int i = 0; i < 20; i++) {
      step(bar, 2 * SECOND, 16, 0.5, 2e-5);
    }
    bar.onTrainEnd(state); // stopped early, mid-epoch
    List<String> lines = output().lines().toList();
    // The window is 20 steps. Step 20 (t = 530 s, 30 s after step 5's line): 5 slow and 15 fast
    // steps, 280 samples in 530 s, 980 steps left at 26.5 s. Step 25: only the 20 fast steps, 975
    // steps left at 2 s.
    assertThat(lines.subList(lines.size() - 2, lines.size()))
        .containsExactly(
            "epoch 1/1 step 20/1000 (2%) eta 7:12:50 0.5 samples/s loss 2.6250 lr 2.00e-05",
            "epoch 1/1 step 25/1000 (2%) eta 32:30 8.0 samples/s loss 0.5000 lr 2.00e-05");
  }

  @Test
  void aTerminalLineIsRedrawnInPlaceAndBlanksWhatAShorterLineLeaves() {
    ProgressBar bar = bar(true);
    begin(bar, 3, 3);
    step(bar, SECOND * 60 / 1000, 32, 0.9, 3e-5);
    step(bar, SECOND * 60 / 1000, 32, 0.6, 2e-5);
    step(bar, SECOND, 32, 0.3, 1e-5);
    state.epoch++;
    bar.onEpochEnd(state);
    // Step 1 comes 60 ms after the start: too soon to draw. Step 3's 85.7 samples/s (96 in 1.12 s)
    // is a character shorter than step 2's 533.3 (64 in 0.12 s).
    assertThat(output())
        .isEqualTo(
            "\repoch 1/1 [======>...] 2/3 eta 0:00 533.3 samples/s loss 0.7500 lr 2.00e-05"
                + "\repoch 1/1 [==========] 3/3 eta 0:00 85.7 samples/s loss 0.6000 lr 1.00e-05 "
                + EOL);
  }

  @Test
  void aTerminalLineIsDrawnAtMostTenTimesASecond() {
    ProgressBar bar = bar(true);
    begin(bar, 1000, 1000);
    for (int i = 0; i < 1000; i++) {
      step(bar, SECOND / 1000, 8, 0.5, 1e-5);
    }
    state.epoch++;
    bar.onEpochEnd(state);
    String out = output();
    assertThat(out.chars().filter(c -> c == '\r').count()).isEqualTo(10);
    assertThat(out)
        .endsWith(
            "\repoch 1/1 [==========] 1000/1000 eta 0:00 8000.0 samples/s loss 0.5000 lr 1.00e-05"
                + EOL);
    assertThat(out.indexOf(EOL)).as("one line").isEqualTo(out.length() - EOL.length());
  }

  @Test
  void aRealRunPrintsEachEpochsEndAndEachValidation(@TempDir Path dir) {
    StringWriter printed = new StringWriter();
    History history =
        TinyRun.fit(
            dir, new ProgressBar(new PrintWriter(printed, true), false));
    List<String> lines = printed.toString().lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0))
        .matches(
            "epoch 1/2 step 4/8 \\(50%\\) eta \\d:\\d\\d [\\d.]+ samples/s loss [\\d.]+ lr \\S+");
    assertThat(lines.get(2))
        .matches("epoch 2/2 step 8/8 \\(100%\\) eta 0:00 [\\d.]+ samples/s loss [\\d.]+ lr \\S+");
    List<LogEntry> evals = history.entries().stream().filter(e -> e.kind().equals("eval")).toList();
    for (int i = 0; i < 2; i++) {
      String prefix = "eval step " + evals.get(i).step() + ": ";
      assertThat(lines.get(2 * i + 1)).startsWith(prefix);
      List<String> printedPairs =
          List.of(lines.get(2 * i + 1).substring(prefix.length()).split(" (?=[a-z])"));
      List<String> loggedPairs =
          evals.get(i).values().entrySet().stream()
              .map(
                  e ->
                      e.getKey().substring("eval_".length())
                          + String.format(Locale.ROOT, " %.4f", e.getValue()))
              .toList();
      assertThat(printedPairs).containsExactlyInAnyOrderElementsOf(loggedPairs);
    }
  }
}

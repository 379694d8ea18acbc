package org.bertfit.training.callbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.bertfit.training.internal.LoopState;
import org.bertfit.training.LogEntry;
import org.junit.jupiter.api.Test;

class EarlyStoppingTest {
  private static LogEntry eval(long step, double loss) {
    return new LogEntry(step, step / 2.0, "eval", Map.of("eval_loss", loss));
  }

  @Test
  void stopsAfterPatienceEvaluationsWithoutAnImprovementAboveMinDelta() {
    EarlyStopping stopping = new EarlyStopping("eval_loss", 2, 0.01, false);
    LoopState state = new LoopState();
    stopping.onTrainBegin(state);
    double[] losses = {0.70, 0.60, 0.595, 0.58, 0.575, 0.572};
    boolean[] stopped = new boolean[losses.length];
    for (int i = 0; i < losses.length; i++) {
      stopping.onEvaluate(state, Map.of("eval_loss", losses[i]));
      stopped[i] = state.stopRequested();
    }
    // 0.595 is within 0.01 of 0.60 (wait 1); 0.58 improves by 0.02 (wait 0); 0.575, 0.572 do not.
    assertThat(stopped).containsExactly(false, false, false, false, false, true);
  }

  @Test
  void aResumedRunRecountsFromTheEvaluationsInItsLog() {
    LoopState resumed = new LoopState();
    resumed.globalStep = 6;
    resumed.logHistory.add(eval(2, 0.70));
    resumed.logHistory.add(new LogEntry(3, 1.5, "train", Map.of("loss", 0.1)));
    resumed.logHistory.add(eval(4, 0.71));
    EarlyStopping stopping = new EarlyStopping("eval_loss", 2, 0.0, false);
    stopping.onTrainBegin(resumed);
    assertThat(resumed.stopRequested()).isFalse();

    stopping.onEvaluate(resumed, Map.of("eval_loss", 0.72));
    assertThat(resumed.stopRequested()).isTrue();

    LoopState outOfPatience = new LoopState();
    outOfPatience.globalStep = 6;
    outOfPatience.logHistory.addAll(resumed.logHistory);
    outOfPatience.logHistory.add(eval(6, 0.72));
    stopping.onTrainBegin(outOfPatience);
    assertThat(outOfPatience.stopRequested()).isTrue();
  }

  @Test
  void oneInstanceServesAFreshRunAfterAStoppedOne() {
    EarlyStopping stopping = new EarlyStopping("eval_loss", 1, 0.0, false);
    LoopState first = new LoopState();
    stopping.onTrainBegin(first);
    stopping.onEvaluate(first, Map.of("eval_loss", 0.5));
    stopping.onEvaluate(first, Map.of("eval_loss", 0.6));
    assertThat(first.stopRequested()).isTrue();

    LoopState second = new LoopState();
    stopping.onTrainBegin(second);
    stopping.onEvaluate(second, Map.of("eval_loss", 0.9));
    assertThat(second.stopRequested()).isFalse();
  }

  @Test
  void aMetricEvaluationDoesNotProduceIsNamedWithTheOnesItDoes() {
    EarlyStopping stopping = new EarlyStopping("eval_f1", 1, 0.0, true);
    LoopState state = new LoopState();
    stopping.onTrainBegin(state);
    assertThatThrownBy(() -> stopping.onEvaluate(state, Map.of("eval_loss", 0.5)))
        .hasMessage("early stopping monitors 'eval_f1', which evaluation does not produce; it produces [eval_loss]");
  }
}

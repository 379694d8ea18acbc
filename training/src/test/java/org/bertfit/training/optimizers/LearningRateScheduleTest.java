package org.bertfit.training.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Hugging Face's schedules (get_linear_schedule_with_warmup, get_cosine_schedule_with_warmup,
 * get_constant_schedule_with_warmup) with base rate 1, 10 warm-up steps and 110 steps in all,
 * values worked out by hand from their lambdas; the graph computes the same.
 */
class LearningRateScheduleTest {
  @ParameterizedTest
  @CsvSource({
    "LINEAR, 0, 0.0",
    "LINEAR, 5, 0.5",
    "LINEAR, 10, 1.0",
    "LINEAR, 60, 0.5",
    "LINEAR, 109, 0.01",
    "LINEAR, 110, 0.0",
    "COSINE, 3, 0.3",
    "COSINE, 10, 1.0",
    "COSINE, 60, 0.5",
    "COSINE, 35, 0.8535533905932737",
    "COSINE, 110, 0.0",
    "CONSTANT, 4, 0.4",
    "CONSTANT, 90, 1.0",
  })
  void matchesHuggingFace(LearningRateSchedule.Kind kind, long step, double expected) {
    LearningRateSchedule schedule = new LearningRateSchedule(kind, 1.0, 10, 110);
    assertThat(schedule.at(step)).isCloseTo(expected, within(1e-12));
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      try (Result r = s.runner().fetch(schedule.build(tf, tf.constant(step))).run()) {
        assertThat((double) ((TFloat32) r.get(0)).getFloat()).isCloseTo(expected, within(1e-6));
      }
    }
  }
}

package org.bertfit.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.bertfit.evaluation.ner.EntityCounts;
import org.bertfit.evaluation.ner.EntityReport;
import org.bertfit.evaluation.report.JsonReport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The accumulator of every task against the counters it wraps, fed directly: batches counted in one
 * pass, or in three shards saved as JSON, loaded and merged, give the same report; a reset one
 * counts afresh.
 */
class AccumulatorTest {
  private static final LabelSet LABELS = LabelSet.of(List.of("a", "b", "c", "d"));
  private static final LabelSet TAGS = LabelSet.of(List.of("O", "B-PER", "I-PER", "B-LOC"));
  private static final Evaluator EVALUATOR = Evaluator.builder().build();

  /** Nine batches of one task, with the report of the same predictions counted directly. */
  record Case(String name, Supplier<Accumulator> empty, List<PredictionBatch> batches, String reference) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> cases() {
    return Stream.of(Arguments.of(singleLabel()), Arguments.of(multiLabel()), Arguments.of(tags()));
  }

  private static Case singleLabel() {
    Random random = new Random(3);
    ConfusionMatrix cm = new ConfusionMatrix(4);
    ScoreBuffer scores = ScoreBuffer.multiClass(4);
    List<PredictionBatch> batches = new ArrayList<>();
    for (int b = 0; b < 9; b++) {
      int[] truth = new int[5];
      int[] predicted = new int[5];
      float[] p = new float[20];
      for (int i = 0; i < 5; i++) {
        truth[i] = random.nextInt(4);
        double[] row = row(random);
        for (int c = 0; c < 4; c++) {
          p[i * 4 + c] = (float) row[c];
          row[c] = p[i * 4 + c];
        }
        predicted[i] = random.nextInt(4);
        cm.update(truth[i], predicted[i]);
        scores.add(truth[i], row);
      }
      batches.add(PredictionBatch.classes(LABELS, truth, predicted, p));
    }
    return new Case("single-label", () -> Accumulator.singleLabel(LABELS, true), batches,
        json(EVALUATOR.multiClass(LABELS, cm, scores)));
  }

  private static Case multiLabel() {
    return multiLabel(new Thresholds(LABELS.names(), new double[] {0.5, 0.4, 0.6, 0.5}));
  }

  /** The same truth and probabilities whatever the thresholds that decide them. */
  private static Case multiLabel(Thresholds thresholds) {
    Random random = new Random(5);
    MultiLabelConfusion counts = new MultiLabelConfusion(4);
    ScoreBuffer scores = ScoreBuffer.multiLabel(4);
    List<PredictionBatch> batches = new ArrayList<>();
    for (int b = 0; b < 9; b++) {
      int[] truth = new int[12];
      int[] predicted = new int[12];
      float[] p = new float[12];
      for (int i = 0; i < 3; i++) {
        double[] row = new double[4];
        for (int c = 0; c < 4; c++) {
          truth[i * 4 + c] = random.nextInt(3) == 0 ? 1 : 0;
          p[i * 4 + c] = random.nextFloat();
          row[c] = p[i * 4 + c];
        }
        System.arraycopy(thresholds.apply(row), 0, predicted, i * 4, 4);
        counts.update(java.util.Arrays.copyOfRange(truth, i * 4, i * 4 + 4),
            java.util.Arrays.copyOfRange(predicted, i * 4, i * 4 + 4));
        scores.add(java.util.Arrays.copyOfRange(truth, i * 4, i * 4 + 4), row);
      }
      batches.add(PredictionBatch.labelSets(LABELS, truth, predicted, p, thresholds));
    }
    return new Case("multi-label", () -> Accumulator.multiLabel(LABELS, thresholds, true), batches,
        json(EVALUATOR.multiLabel(LABELS, counts, scores).withThresholds(thresholds)));
  }

  private static Case tags() {
    Random random = new Random(7);
    EntityCounts counts = new EntityCounts();
    List<PredictionBatch> batches = new ArrayList<>();
    for (int b = 0; b < 9; b++) {
      List<List<String>> truth = new ArrayList<>();
      List<List<String>> predicted = new ArrayList<>();
      for (int s = 0; s < 2; s++) {
        List<String> t = new ArrayList<>();
        List<String> p = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
          t.add(TAGS.name(random.nextInt(4)));
          p.add(random.nextInt(3) == 0 ? TAGS.name(random.nextInt(4)) : t.get(w));
        }
        counts.update(t, p);
        truth.add(t);
        predicted.add(p);
      }
      batches.add(PredictionBatch.tags(TAGS, truth, predicted));
    }
    return new Case("tags", () -> Accumulator.tagging(TAGS), batches,
        JsonReport.toJson(EntityReport.of(counts, ReportOptions.defaults())).toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void oneAccumulatorAndThreeMergedShardsGiveTheDirectReport(Case c) {
    Accumulator whole = c.empty().get();
    c.batches().forEach(whole::update);
    Accumulator merged = c.empty().get();
    for (int shard = 0; shard < 3; shard++) {
      Accumulator part = c.empty().get();
      c.batches().subList(shard * 3, shard * 3 + 3).forEach(part::update);
      merged.merge(Accumulator.fromJson(part.toJson()));
    }
    assertThat(report(whole)).isEqualTo(c.reference());
    assertThat(report(merged)).isEqualTo(c.reference());

    whole.reset();
    assertThat(whole.examples()).isZero();
    c.batches().forEach(whole::update);
    assertThat(report(whole)).isEqualTo(c.reference());
    assertThat(report(whole.emptyCopy())).isNotEqualTo(c.reference());
  }

  private static String report(Accumulator a) {
    return a.tagging()
        ? JsonReport.toJson(a.entityReport(ReportOptions.defaults())).toString()
        : json(a.report(EVALUATOR));
  }

  private static String json(EvaluationReport report) {
    return JsonReport.toJson(report).toString();
  }

  @Test
  void refusesBatchesAndShardsOfAnotherTaskNamingBoth() {
    Accumulator single = Accumulator.singleLabel(LABELS, false);
    assertThatThrownBy(() -> single.update(
            PredictionBatch.labelSets(LABELS, new int[4], new int[4], null, null)))
        .hasMessage("a multi-label batch over [a, b, c, d] cannot be counted by a single-label"
            + " accumulator over [a, b, c, d]");
    assertThatThrownBy(() -> single.merge(Accumulator.singleLabel(LABELS, true)))
        .hasMessage("cannot merge a single-label accumulator over [a, b, c, d] with scores into a"
            + " single-label accumulator over [a, b, c, d] without scores");
    assertThatThrownBy(() -> Accumulator.fromJson("{\"labels\":[\"a\"]}"))
        .hasMessageContaining("holds one of confusion, multiLabelConfusion and entities; got 0");
  }

  @Test
  void multiLabelScoresDecidedByOtherThresholdsGiveTheReportThoseThresholdsGive() {
    Case counted = multiLabel();
    Thresholds other = new Thresholds(LABELS.names(), new double[] {0.2, 0.7, 0.5, 0.9});
    Case reference = multiLabel(other);
    Accumulator accumulator = counted.empty().get();
    counted.batches().forEach(accumulator::update);

    Accumulator decided = accumulator.decidedBy(other);
    assertThat(report(decided)).isEqualTo(reference.reference()).isNotEqualTo(counted.reference());
    assertThat(decided.thresholds()).isEqualTo(other);
    assertThat(report(decided.decidedBy(counted.batches().get(0).thresholds()))).isEqualTo(counted.reference());
    assertThat(report(accumulator)).as("the accumulator decided again is unchanged").isEqualTo(counted.reference());

    assertThatThrownBy(() -> Accumulator.singleLabel(LABELS, true).decidedBy(other))
        .hasMessage("deciding again by other thresholds needs a multi-label accumulator with scores; this is a"
            + " single-label accumulator over [a, b, c, d] with scores");
    assertThatThrownBy(() -> Accumulator.multiLabel(LABELS, other, false).decidedBy(other))
        .hasMessageEndingWith("this is a multi-label accumulator over [a, b, c, d] without scores");
    assertThatThrownBy(() -> accumulator.decidedBy(new Thresholds(List.of("a", "b", "c", "e"), new double[4])))
        .hasMessage("thresholds are for labels [a, b, c, e] but these counts are for [a, b, c, d]");
  }

  @Test
  void fBetaIsScikitLearnsFormula() {
    // precision 1/2, recall 1: F2 = 5 * 0.5 / (4 * 0.5 + 1) = 5/6; F0.5 = 1.25 * 0.5 / (0.125 + 1) = 5/9
    PrfScores scores = new PrfScores(0.5, 1.0, 2.0 / 3, 4);
    assertThat(scores.fBeta(2)).isEqualTo(5.0 / 6);
    assertThat(scores.fBeta(0.5)).isEqualTo(5.0 / 9);
    assertThat(scores.fBeta(1)).isEqualTo(PrfScores.f1(0.5, 1.0));
    assertThat(new PrfScores(0, 0, 0, 0).fBeta(2)).isZero();
  }

  private static double[] row(Random random) {
    double[] row = new double[4];
    double sum = 0;
    for (int c = 0; c < 4; c++) {
      row[c] = 1 + random.nextInt(9);
      sum += row[c];
    }
    for (int c = 0; c < 4; c++) {
      row[c] /= sum;
    }
    return row;
  }
}

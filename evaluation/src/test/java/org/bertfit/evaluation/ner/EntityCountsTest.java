package org.bertfit.evaluation.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.bertfit.evaluation.Average;
import org.bertfit.evaluation.ClassificationReport;
import org.bertfit.evaluation.PrfScores;
import org.bertfit.evaluation.ReportOptions;
import org.bertfit.evaluation.report.JsonReport;
import org.bertfit.evaluation.report.TextLayout;
import org.bertfit.evaluation.report.TextReport;
import org.junit.jupiter.api.Test;

/** Hand-worked fixtures of seqeval's default (conlleval) rules; the working is in the comments. */
class EntityCountsTest {
  private static List<String> tags(String s) {
    return List.of(s.split(" "));
  }

  @Test
  void extractsEntitiesWithConllevalRules() {
    assertThat(Entities.of(tags("B-PER I-PER O B-LOC")))
        .containsExactly(new Entity("PER", 0, 1), new Entity("LOC", 3, 3));
    // I- without B- starts an entity, after O and at the start of the sentence
    assertThat(Entities.of(tags("O I-ORG I-ORG O"))).containsExactly(new Entity("ORG", 1, 2));
    assertThat(Entities.of(tags("I-PER I-PER"))).containsExactly(new Entity("PER", 0, 1));
    // a change of type ends one entity and starts another, even on I-
    assertThat(Entities.of(tags("I-PER I-LOC")))
        .containsExactly(new Entity("PER", 0, 0), new Entity("LOC", 1, 1));
    assertThat(Entities.of(tags("B-PER I-LOC I-LOC")))
        .containsExactly(new Entity("PER", 0, 0), new Entity("LOC", 1, 2));
    // B- after B- or I- of the same type starts a new entity
    assertThat(Entities.of(tags("B-PER B-PER I-PER")))
        .containsExactly(new Entity("PER", 0, 0), new Entity("PER", 1, 2));
    // an entity running to the end of the sentence is closed; a bare tag has type _
    assertThat(Entities.of(tags("O B I"))).containsExactly(new Entity("_", 1, 2));
    assertThat(Entities.of(tags("O O"))).isEmpty();
  }

  /** The four sentences of the fixture below. */
  private static EntityCounts fixture() {
    EntityCounts counts = new EntityCounts();
    // boundary error on PER (0-1 vs 0-0); LOC 3-3 right
    counts.update(tags("B-PER I-PER O B-LOC"), tags("B-PER O O B-LOC"));
    // I- without B-: ORG 1-2 is still found, a hit
    counts.update(tags("O B-ORG I-ORG O"), tags("O I-ORG I-ORG O"));
    // type error: LOC 0-1 predicted as ORG 0-1
    counts.update(tags("B-LOC I-LOC O"), tags("B-ORG I-ORG O"));
    // PER 0-0 found through I-PER; the I-LOC after it is a spurious LOC 1-1
    counts.update(tags("B-PER O"), tags("I-PER I-LOC"));
    return counts;
  }

  @Test
  void scoresBoundaryTypeAndMissingBeginErrors() {
    EntityCounts counts = fixture();
    // PER: tp 1, predicted 2, true 2. LOC: tp 1, predicted 2, true 2. ORG: tp 1, predicted 2,
    // true 1.
    ClassificationReport report = counts.report(ReportOptions.defaults());
    assertThat(report.classes()).extracting(r -> r.name()).containsExactly("LOC", "ORG", "PER");
    assertScores(report.classes().get(0).scores(), 0.5, 0.5, 0.5, 2);
    assertScores(report.classes().get(1).scores(), 0.5, 1.0, 2.0 / 3, 1);
    assertScores(report.classes().get(2).scores(), 0.5, 0.5, 0.5, 2);
    // micro: tp 3, predicted 6, true 5 -> P 1/2, R 3/5, F 2PR/(P+R) = 0.6/1.1
    assertScores(report.average(Average.MICRO).orElseThrow(), 0.5, 0.6, 0.6 / 1.1, 5);
    assertScores(report.average(Average.MACRO).orElseThrow(), 0.5, 2.0 / 3, (1 + 2.0 / 3) / 3, 5);
    // weighted by support 2, 1, 2: R (1 + 1 + 1) / 5, F (1 + 2/3 + 1) / 5
    assertScores(report.average(Average.WEIGHTED).orElseThrow(), 0.5, 0.6, (8.0 / 3) / 5, 5);
    assertThat(report.accuracy()).isEmpty();
    assertThat(TextLayout.format(report, 2)).isEqualTo(String.join("\n",
        "              precision    recall  f1-score   support",
        "",
        "         LOC       0.50      0.50      0.50         2",
        "         ORG       0.50      1.00      0.67         1",
        "         PER       0.50      0.50      0.50         2",
        "",
        "   micro avg       0.50      0.60      0.55         5",
        "   macro avg       0.50      0.67      0.56         5",
        "weighted avg       0.50      0.60      0.53         5",
        ""));
  }

  @Test
  void theReportAddsTokenAccuracyAsTextAndAsSeqevalsDictionary() throws Exception {
    // tags right: 3 of 4, 3 of 4, 1 of 3, 0 of 2 -> 7 / 13
    EntityReport report = EntityReport.of(fixture(), ReportOptions.defaults());
    assertThat(report.tokenAccuracy()).isCloseTo(7.0 / 13, within(1e-12));
    assertThat(report.sentences()).isEqualTo(4);
    assertThat(report.tokens()).isEqualTo(13);
    assertThat(TextReport.format(report))
        .isEqualTo(TextLayout.format(report.entities(), 2)
            + "\ntoken accuracy 0.5385 (13 tokens, 4 sentences)\n");
    JsonNode json = new ObjectMapper().readTree(JsonReport.toJson(report).toString());
    assertThat(json.fieldNames()).toIterable().containsExactly(
        "LOC", "ORG", "PER", "micro avg", "macro avg", "weighted avg", "token_accuracy");
    assertThat(json.get("ORG").fieldNames()).toIterable()
        .containsExactly("precision", "recall", "f1-score", "support");
    assertThat(json.get("micro avg").get("f1-score").asDouble()).isCloseTo(0.6 / 1.1, within(1e-12));
    assertThat(json.get("token_accuracy").asDouble()).isCloseTo(7.0 / 13, within(1e-12));
  }

  @Test
  void shardsMergeIntoOnePass() {
    EntityCounts whole = new EntityCounts();
    EntityCounts a = new EntityCounts();
    EntityCounts b = new EntityCounts();
    whole.update(tags("B-PER I-PER O"), tags("B-PER I-PER O"));
    whole.update(tags("B-LOC O"), tags("B-ORG O"));
    a.update(tags("B-PER I-PER O"), tags("B-PER I-PER O"));
    b.update(tags("B-LOC O"), tags("B-ORG O"));
    a.merge(EntityCounts.fromJson(b.toJson()));
    assertThat(a.report(ReportOptions.defaults())).isEqualTo(whole.report(ReportOptions.defaults()));
    assertThat(a.tokenAccuracy()).isEqualTo(whole.tokenAccuracy()).isEqualTo(0.8);
    assertThat(a.sentences()).isEqualTo(2);
  }

  private static void assertScores(PrfScores s, double p, double r, double f, long support) {
    assertThat(s.precision()).isCloseTo(p, within(1e-12));
    assertThat(s.recall()).isCloseTo(r, within(1e-12));
    assertThat(s.f1()).isCloseTo(f, within(1e-12));
    assertThat(s.support()).isEqualTo(support);
  }
}

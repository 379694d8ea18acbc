package org.bertfit.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.bertfit.evaluation.report.JsonReport;
import org.junit.jupiter.api.Test;

class ErrorAnalysisTest {
  @Test
  void ranksByLossConfidenceAndConfusion() {
    LabelSet labels = LabelSet.of(List.of("anger", "joy", "sadness"));
    List<String> texts = List.of("so happy", "i feel lost", "furious", "meh", "crying");
    int[] yTrue = {1, 2, 0, 1, 2};
    double[][] p = {
        {0.1, 0.8, 0.1}, // right
        {0.1, 0.7, 0.2}, // sadness as joy, p 0.7; loss -ln 0.2
        {0.3, 0.1, 0.6}, // anger as sadness, p 0.6; loss -ln 0.3
        {0.5, 0.4, 0.1}, // joy as anger, p 0.5; loss -ln 0.4
        {0.05, 0.9, 0.05}}; // sadness as joy, p 0.9; loss -ln 0.05
    ErrorAnalysis e = ErrorAnalysis.of(texts, yTrue, p, labels, 3);
    assertThat(e.highestLoss()).extracting(ErrorAnalysis.ExampleError::text)
        .containsExactly("crying", "i feel lost", "furious");
    assertThat(e.highestLoss().get(0).loss()).isCloseTo(-Math.log(0.05), within(1e-12));
    assertThat(e.confidentMistakes()).extracting(ErrorAnalysis.ExampleError::probability)
        .containsExactly(0.9, 0.7, 0.6);
    assertThat(e.confidentMistakes().get(0).predictedLabel()).isEqualTo("joy");
    assertThat(e.confusedPairs()).containsExactly(
        new ErrorAnalysis.ConfusedPair("sadness", "joy", 2),
        new ErrorAnalysis.ConfusedPair("anger", "sadness", 1),
        new ErrorAnalysis.ConfusedPair("joy", "anger", 1));

    // in the JSON report, snake_case keys like every other key
    ConfusionMatrix cm = new ConfusionMatrix(3);
    for (int i = 0; i < yTrue.length; i++) {
      cm.update(yTrue[i], argmax(p[i]));
    }
    JsonNode json = JsonReport.toJson(Evaluator.builder().build().multiClass(labels, cm, null).withErrors(e))
        .get("error_analysis");
    assertThat(json.fieldNames()).toIterable()
        .containsExactly("highest_loss", "confident_mistakes", "confused_pairs");
    assertThat(json.get("confused_pairs").get(0).toString())
        .isEqualTo("{\"true_label\":\"sadness\",\"predicted_label\":\"joy\",\"count\":2}");
    assertThat(json.get("highest_loss").get(0).has("predicted_label")).isTrue();
  }

  private static int argmax(double[] row) {
    int best = 0;
    for (int c = 1; c < row.length; c++) {
      best = row[c] > row[best] ? c : best;
    }
    return best;
  }
}

package org.bertfit.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
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
  }
}

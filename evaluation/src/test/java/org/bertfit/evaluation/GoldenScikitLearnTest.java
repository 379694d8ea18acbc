package org.bertfit.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bertfit.evaluation.report.JsonReport;
import org.bertfit.evaluation.report.TextLayout;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Compares every number with scikit-learn 1.2 on the seeded random cases of
 * src/test/python/make_golden.py (≥ 200 per kind), to 1e-9, and the text layout to the character.
 */
class GoldenScikitLearnTest {
  private static final double TOLERANCE = 1e-9;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> KINDS = List.of("binary", "multiclass", "absent",
      "zero_division", "one_class", "multilabel", "multilabel_zero_division");

  @TestFactory
  Stream<DynamicTest> matchesScikitLearn() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String kind : KINDS) {
      JsonNode cases = load(kind);
      assertThat(cases.size()).as(kind + " cases").isGreaterThanOrEqualTo(200);
      for (int i = 0; i < cases.size(); i++) {
        JsonNode c = cases.get(i);
        boolean multiLabel = kind.startsWith("multilabel");
        tests.add(DynamicTest.dynamicTest(kind + " #" + i,
            () -> check(c, multiLabel ? multiLabel(c) : multiClass(c))));
      }
    }
    return tests.stream();
  }

  /** The evaluation of a multi-class case, built as a user would from label strings. */
  private static Evaluated multiClass(JsonNode c) {
    LabelSet labels = LabelSet.of(strings(c.get("universe")));
    ConfusionMatrix cm = new ConfusionMatrix(labels.size());
    ScoreBuffer scores = ScoreBuffer.multiClass(labels.size());
    int[] yTrue = labels.ids(strings(c.get("y_true")));
    int[] yPred = labels.ids(strings(c.get("y_pred")));
    cm.update(yTrue, yPred);
    for (int i = 0; i < yTrue.length; i++) {
      JsonNode w = c.get("score_weights").get(i);
      double sum = 0;
      for (JsonNode v : w) {
        sum += v.asLong();
      }
      double[] row = new double[w.size()];
      for (int j = 0; j < row.length; j++) {
        row[j] = w.get(j).asLong() / sum;
      }
      scores.add(yTrue[i], row);
    }
    ReportOptions options = options(c);
    EvaluationReport report = Evaluator.builder().options(options).build()
        .multiClass(labels, cm, scores);
    int[] selected = ClassificationReport.selectedLabels(cm, labels, options);
    return new Evaluated(report, cm, selected);
  }

  private static Evaluated multiLabel(JsonNode c) {
    int width = c.get("y_true").get(0).size();
    List<String> columns = new ArrayList<>();
    for (int j = 0; j < width; j++) {
      columns.add(Integer.toString(j));
    }
    LabelSet labels = LabelSet.of(columns);
    ReportOptions options = options(c);
    int[] selected = options.labels() == null
        ? PrecisionRecall.allLabels(new MultiLabelConfusion(width))
        : labels.ids(options.labels());
    MultiLabelConfusion counts = new MultiLabelConfusion(width, selected);
    ScoreBuffer scores = ScoreBuffer.multiLabel(width);
    for (int i = 0; i < c.get("y_true").size(); i++) {
      int[] t = ints(c.get("y_true").get(i));
      counts.update(t, ints(c.get("y_pred").get(i)));
      JsonNode w = c.get("score_weights").get(i);
      double[] row = new double[width];
      for (int j = 0; j < width; j++) {
        row[j] = w.get(j).asLong() / 10.0;
      }
      scores.add(t, row);
    }
    EvaluationReport report = Evaluator.builder().options(options).build()
        .multiLabel(labels, counts, scores);
    return new Evaluated(report, null, selected);
  }

  private record Evaluated(EvaluationReport report, ConfusionMatrix cm, int[] selected) {}

  private static void check(JsonNode c, Evaluated e) {
    JsonNode expected = c.get("expected");
    EvaluationReport report = e.report();
    assertThat(TextLayout.format(report.classification(), c.get("digits").asInt()))
        .isEqualTo(expected.get("text").asText());
    ObjectNode json = JsonReport.toJson(report);
    Iterator<Map.Entry<String, JsonNode>> fields = expected.get("report").fields();
    List<String> sklearnKeys = new ArrayList<>();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      sklearnKeys.add(f.getKey());
      assertJsonNumbers(f.getKey(), f.getValue(), json.get(f.getKey()));
    }
    List<String> ours = new ArrayList<>();
    json.fieldNames().forEachRemaining(ours::add);
    assertThat(ours.subList(0, sklearnKeys.size())).isEqualTo(sklearnKeys);
    for (String key : List.of("matthews_corrcoef", "cohen_kappa", "cohen_kappa_linear",
        "cohen_kappa_quadratic", "balanced_accuracy", "hamming_loss", "subset_accuracy",
        "roc_auc", "average_precision", "roc_auc_ovr_macro", "roc_auc_ovr_weighted",
        "roc_auc_ovo_macro", "roc_auc_ovo_weighted", "average_precision_macro",
        "average_precision_micro", "roc_auc_macro", "roc_auc_micro", "top_2_accuracy",
        "log_loss")) {
      if (expected.has(key)) {
        assertJsonNumbers(key, expected.get(key), json.get(key));
      }
    }
    if (expected.has("specificity")) {
      assertJsonNumbers("specificity", expected.get("specificity"),
          MAPPER.valueToTree(report.specificity()));
    }
    if (expected.has("multilabel_confusion_matrix")) {
      assertJsonNumbers("multilabel_confusion_matrix", expected.get("multilabel_confusion_matrix"),
          json.get("confusion_matrix").get("matrix"));
    }
    if (expected.hasNonNull("confusion_matrix")) {
      assertJsonNumbers("confusion_matrix", expected.get("confusion_matrix"),
          json.get("confusion_matrix").get("matrix"));
      for (Normalization how : List.of(Normalization.TRUE, Normalization.PRED, Normalization.ALL)) {
        String key = "confusion_matrix_" + how.name().toLowerCase(java.util.Locale.ROOT);
        assertJsonNumbers(key, expected.get(key),
            MAPPER.valueToTree(ConfusionMetrics.normalized(e.cm(), e.selected(), how)));
      }
    }
  }

  /** Equal structure; numbers equal to 1e-9; scikit-learn's null (NaN or refused) is ours. */
  private static void assertJsonNumbers(String path, JsonNode expected, JsonNode actual) {
    assertThat(actual).as(path + " is missing").isNotNull();
    if (expected.isNull()) {
      assertThat(actual.isNull()).as(path + " should be undefined, is " + actual).isTrue();
    } else if (expected.isNumber()) {
      assertThat(actual.isNumber()).as(path + " should be " + expected + ", is " + actual).isTrue();
      assertThat(actual.asDouble()).as(path).isCloseTo(expected.asDouble(), within(TOLERANCE));
    } else if (expected.isArray()) {
      assertThat(actual.size()).as(path + " size").isEqualTo(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        assertJsonNumbers(path + "[" + i + "]", expected.get(i), actual.get(i));
      }
    } else if (expected.isObject()) {
      expected.fields().forEachRemaining(
          f -> assertJsonNumbers(path + "." + f.getKey(), f.getValue(), actual.get(f.getKey())));
    } else {
      assertThat(actual.asText()).as(path).isEqualTo(expected.asText());
    }
  }

  private static ReportOptions options(JsonNode c) {
    return ReportOptions.builder()
        .labels(c.get("labels").isNull() ? null : strings(c.get("labels")))
        .targetNames(c.get("target_names").isNull() ? null : strings(c.get("target_names")))
        .digits(c.get("digits").asInt())
        .zeroDivision(ZeroDivision.parse(c.get("zero_division").asText()))
        .build();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static int[] ints(JsonNode array) {
    int[] out = new int[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asInt();
    }
    return out;
  }

  private static JsonNode load(String kind) throws IOException {
    try (InputStream in = GoldenScikitLearnTest.class.getResourceAsStream(
        "/golden/" + kind + ".json")) {
      assertThat(in).as("golden file " + kind).isNotNull();
      return MAPPER.readTree(in);
    }
  }
}

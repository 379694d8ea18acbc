package org.bertfit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bertfit report} end to end; expected numbers are scikit-learn 1.2's on the same files. */
class ReportCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return CliRun.execute(out, err, args);
  }

  private Path file(String name, String... lines) throws IOException {
    return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
  }

  private List<String> emotions() throws IOException {
    Path t = file("true.txt", "joy", "anger", "joy", "sadness", "joy", "anger");
    Path p = file("pred.txt", "joy", "joy", "joy", "sadness", "anger", "anger");
    Path s = file("scores.csv", "joy,anger,sadness", "0.7,0.2,0.1", "0.6,0.3,0.1", "0.8,0.1,0.1",
        "0.2,0.1,0.7", "0.4,0.5,0.1", "0.3,0.6,0.1");
    return new ArrayList<>(List.of("report", "--y-true", t.toString(), "--y-pred", p.toString(),
        "--scores", s.toString()));
  }

  @Test
  void textMatchesScikitLearnsLayout() throws IOException {
    List<String> args = emotions();
    args.addAll(List.of("--digits", "3"));
    assertThat(run(args.toArray(String[]::new))).isEqualTo(0);
    assertThat(out.toString()).contains(String.join("\n",
        "              precision    recall  f1-score   support",
        "",
        "       anger      0.500     0.500     0.500         2",
        "         joy      0.667     0.667     0.667         3",
        "     sadness      1.000     1.000     1.000         1",
        "",
        "    accuracy                          0.667         6",
        "   macro avg      0.722     0.722     0.722         6",
        "weighted avg      0.667     0.667     0.667         6"));
  }

  @Test
  void jsonHasScikitLearnsKeysAndTheExtras() throws IOException {
    List<String> args = emotions();
    args.addAll(List.of("--format", "json"));
    assertThat(run(args.toArray(String[]::new))).isEqualTo(0);
    JsonNode json = new ObjectMapper().readTree(out.toString());
    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertThat(keys.subList(0, 6)).containsExactly("anger", "joy", "sadness", "accuracy",
        "macro avg", "weighted avg");
    assertThat(keys).contains("confusion_matrix", "matthews_corrcoef", "cohen_kappa",
        "balanced_accuracy", "warnings", "roc_auc_ovr_macro", "roc_auc_ovr_weighted");
    assertThat(json.get("joy").get("f1-score").asDouble()).isEqualTo(0.6666666666666666);
    assertThat(json.get("macro avg").get("precision").asDouble()).isEqualTo(0.7222222222222222);
    assertThat(json.get("roc_auc_ovr_macro").asDouble()).isCloseTo(0.9212962962962963, within(1e-12));
    assertThat(json.get("roc_auc_ovr_weighted").asDouble())
        .isCloseTo(0.9027777777777778, within(1e-12));
    assertThat(json.get("matthews_corrcoef").asDouble())
        .isCloseTo(0.45454545454545453, within(1e-12));
    assertThat(json.get("confusion_matrix").get("labels").toString())
        .isEqualTo("[\"anger\",\"joy\",\"sadness\"]");
    assertThat(json.get("confusion_matrix").get("matrix").toString())
        .isEqualTo("[[1,1,0],[1,2,0],[0,0,1]]");
  }

  @Test
  void multiLabelReportHasSamplesAverage() throws IOException {
    Path t = file("true.txt", "devops analyst", "", "analyst", "coord");
    Path p = file("pred.txt", "devops", "devops", "analyst", "");
    assertThat(run("report", "--multilabel", "--zero-division", "0", "--y-true", t.toString(),
        "--y-pred", p.toString())).isEqualTo(0);
    assertThat(out.toString()).contains(String.join("\n",
        "              precision    recall  f1-score   support",
        "",
        "     analyst       1.00      0.50      0.67         2",
        "       coord       0.00      0.00      0.00         1",
        "      devops       0.50      1.00      0.67         1",
        "",
        "   micro avg       0.67      0.50      0.57         4",
        "   macro avg       0.50      0.50      0.44         4",
        "weighted avg       0.62      0.50      0.50         4",
        " samples avg       0.50      0.38      0.42         4"));
    assertThat(out.toString()).contains("WARNING [never-predicted] 1 of 3 classes are never"
        + " predicted: coord");
  }

  @Test
  void writesCsvAndHtmlFiles() throws IOException {
    List<String> args = emotions();
    Path csv = dir.resolve("report.csv");
    args.addAll(List.of("--format", "csv", "--out", csv.toString()));
    assertThat(run(args.toArray(String[]::new))).isEqualTo(0);
    assertThat(Files.readAllLines(csv)).startsWith(
        "label,precision,recall,f1-score,support,specificity", "anger,0.5,0.5,0.5,2,0.75");
    Path texts = file("texts.txt", "yay", "grr", "nice", "sob", "ok", "argh");
    Path html = dir.resolve("report.html");
    List<String> htmlArgs = emotions();
    htmlArgs.addAll(List.of("--format", "html", "--texts", texts.toString(), "--out",
        html.toString()));
    assertThat(run(htmlArgs.toArray(String[]::new))).isEqualTo(0);
    assertThat(Files.readString(html)).contains("<img alt=\"confusion matrix\"",
        "Most confident mistakes", "grr");
  }

  @Test
  void badInputsNameTheFileAndLine() throws IOException {
    Path t = file("true.txt", "joy", "", "anger");
    Path p = file("pred.txt", "joy", "joy", "anger");
    assertThat(run("report", "--y-true", t.toString(), "--y-pred", p.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("bertfit report: error: " + t + " line 2: empty label");

    Path t2 = file("true2.txt", "joy", "anger");
    Path s = file("scores.csv", "joy,anger", "0.9,0.1", "0.5,abc");
    err.getBuffer().setLength(0);
    assertThat(run("report", "--y-true", t2.toString(), "--y-pred", t2.toString(), "--scores",
        s.toString())).isEqualTo(1);
    assertThat(err.toString())
        .contains(s + " line 3: score of 'anger' is 'abc', not a finite number");

    Path shorter = file("short.txt", "joy");
    err.getBuffer().setLength(0);
    assertThat(run("report", "--y-true", t2.toString(), "--y-pred", shorter.toString()))
        .isEqualTo(1);
    assertThat(err.toString()).contains(shorter + " has 1 examples but " + t2 + " has 2");
  }

  @Test
  void benchPrintsThroughput() {
    assertThat(run("bench", "report", "--predictions", "100000", "--repeat", "1")).isEqualTo(0);
    assertThat(out.toString()).contains("100,000 predictions, 20 classes").contains("predictions/s");
  }
}

package org.bertfit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataStatsCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return CliRun.execute(out, err, args);
  }

  private Path emotion() throws Exception {
    return Files.writeString(
        dir.resolve("emotion.txt"),
        "i feel good;joy\ni am so happy today;joy\n;sadness\nwhy;sadness\ni am scared;fear\n");
  }

  @Test
  void printsRowsSkippedLabelsAndLengths() throws Exception {
    Path file = emotion();
    int status =
        run(
            "data",
            "stats",
            "--path",
            file.toString(),
            "--on-bad-input",
            "skip",
            "--max-length",
            "6");
    assertThat(status).isZero();
    // [CLS] i am so happy today [SEP] is 7 tokens: cut to 6
    assertThat(out.toString())
        .isEqualTo(
            file
                + " (semicolon, single-label)\n"
                + "rows: 4\n"
                + "skipped: 1\n"
                + "  empty_text       1 (line 3)\n"
                + "labels: 3, imbalance ratio (max/min) 2\n"
                + "  label       count  of rows\n"
                + "  fear            1   25.00%\n"
                + "  joy             2   50.00%\n"
                + "  sadness         1   25.00%\n"
                + "token lengths (bert-base-uncased, max length 6): min 3, p50 5, p90 5.70, p95"
                + " 5.85, p99 5.97, max 6, mean 4.8\n"
                + "truncated: 1 of 4 (25.00%); unknown tokens ([UNK]): 0.00%\n");
  }

  @Test
  void jsonHasTheDocumentedKeys() throws Exception {
    Path file = emotion();
    assertThat(run("data", "stats", "--path", file.toString(), "--on-bad-input", "skip", "--json"))
        .isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("rows").asInt()).isEqualTo(4);
    assertThat(json.get("skipped").get("total").asInt()).isEqualTo(1);
    assertThat(
            json.get("skipped")
                .get("by_reason")
                .get("empty_text")
                .get("first_lines")
                .get(0)
                .asInt())
        .isEqualTo(3);
    assertThat(json.get("label_counts").get("joy").asInt()).isEqualTo(2);
    assertThat(json.get("length_percentiles").get("p50").asDouble()).isEqualTo(5.0);
    assertThat(json.get("unknown_token_share").asDouble()).isZero();
  }

  @Test
  void labelNamesComeFromTweetEvalMapping() throws Exception {
    Files.writeString(dir.resolve("mapping.txt"), "0\tnegative\n1\tneutral\n2\tpositive\n");
    Files.writeString(dir.resolve("val_text.txt"), "bad day\nok\ngreat\ngreat again\n");
    Files.writeString(dir.resolve("val_labels.txt"), "0\n1\n2\n2\n");
    assertThat(run("data", "stats", "--path", dir.resolve("val").toString(), "--json")).isZero();
    JsonNode counts = new ObjectMapper().readTree(out.toString()).get("label_counts");
    assertThat(counts.toString()).isEqualTo("{\"negative\":1,\"neutral\":1,\"positive\":2}");
  }

  @Test
  void badInputIsAnErrorOnStderr() throws Exception {
    Path file = emotion();
    assertThat(run("data", "stats", "--path", file.toString())).isEqualTo(1);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).isEqualTo("bertfit data stats: error: " + file + " line 3: empty text\n");
  }
}

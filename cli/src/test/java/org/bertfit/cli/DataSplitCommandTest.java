package org.bertfit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bertfit.datasets.Dataset;
import org.bertfit.datasets.Example;
import org.bertfit.datasets.io.DatasetReader;
import org.bertfit.datasets.io.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bertfit data split}: parts that partition the input's lines, stratified, in its format. */
class DataSplitCommandTest {
  @TempDir Path dir;

  private static List<String> labelled(int n) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      // 60% joy, 30% anger, 10% fear
      String label = i % 10 < 6 ? "joy" : i % 10 < 9 ? "anger" : "fear";
      lines.add("text number " + i + ";" + label);
    }
    return lines;
  }

  @Test
  void partsPartitionTheLinesAndKeepEachLabelsShare() throws Exception {
    List<String> lines = labelled(200);
    Path in = Files.write(dir.resolve("all.txt"), lines);
    CliRun run = CliRun.of("data", "split", "--in", in.toString(), "--ratio", "0.9", "--stratify",
        "--seed", "42", "--out-train", dir.resolve("train.txt").toString(), "--out-test", dir.resolve("test.txt").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("200 examples -> train 180, test 20 (stratified, seed 42)");

    List<String> train = Files.readAllLines(dir.resolve("train.txt"));
    List<String> test = Files.readAllLines(dir.resolve("test.txt"));
    assertThat(test).hasSize(20);
    List<String> both = new ArrayList<>(train);
    both.addAll(test);
    assertThat(both).containsExactlyInAnyOrderElementsOf(lines);
    assertThat(train).isSubsetOf(lines).isSortedAccordingTo((a, b) -> lines.indexOf(a) - lines.indexOf(b));
    assertThat(counts(test)).containsExactlyInAnyOrderEntriesOf(Map.of("joy", 12, "anger", 6, "fear", 2));

    Path again = dir.resolve("again.txt");
    CliRun.of("data", "split", "--in", in.toString(), "--ratio", "0.9", "--stratify", "--seed", "42",
        "--out-train", dir.resolve("again-train.txt").toString(), "--out-test", again.toString());
    assertThat(Files.readAllLines(again)).as("same seed, same split").isEqualTo(test);
    CliRun.of("data", "split", "--in", in.toString(), "--ratio", "0.9", "--stratify", "--seed", "7",
        "--out-train", dir.resolve("other-train.txt").toString(), "--out-test", dir.resolve("other.txt").toString());
    assertThat(Files.readAllLines(dir.resolve("other.txt"))).as("another seed").isNotEqualTo(test);

    CliRun exists = CliRun.of("data", "split", "--in", in.toString(), "--ratio", "0.9",
        "--out-train", dir.resolve("train.txt").toString(), "--out-test", dir.resolve("new.txt").toString());
    assertThat(exists.exitCode()).isEqualTo(1);
    assertThat(exists.err()).contains(dir.resolve("train.txt") + " exists (use --force to replace it)");
    assertThat(dir.resolve("new.txt")).as("nothing written when one output exists").doesNotExist();
  }

  private static Map<String, Integer> counts(List<String> lines) {
    Map<String, Integer> out = new HashMap<>();
    lines.forEach(l -> out.merge(l.substring(l.lastIndexOf(';') + 1), 1, Integer::sum));
    return out;
  }

  @Test
  void tweetEvalSplitsAreFilePairsWithTheirMapping() throws Exception {
    Path source = Files.createDirectories(dir.resolve("sentiment"));
    List<String> texts = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      texts.add("tweet " + i + " @user");
      ids.add(Integer.toString(i % 3));
    }
    Files.write(source.resolve("val_text.txt"), texts);
    Files.write(source.resolve("val_labels.txt"), ids);
    Files.writeString(source.resolve("mapping.txt"), "0\tnegative\n1\tneutral\n2\tpositive\n");
    Path out = dir.resolve("out");
    CliRun run = CliRun.of("data", "split", "--in", source.resolve("val").toString(), "--ratio", "0.75",
        "--stratify", "--out-train", out.resolve("train").toString(), "--out-test", out.resolve("val").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(out.resolve("mapping.txt")).hasSameTextualContentAs(source.resolve("mapping.txt"));

    Dataset original = DatasetReader.read(source.resolve("val"), ReadOptions.defaults());
    Map<String, List<String>> labelOf = new HashMap<>();
    original.examples().forEach(e -> labelOf.put(e.text(), e.labels()));
    Dataset train = DatasetReader.read(out.resolve("train"), ReadOptions.defaults());
    Dataset test = DatasetReader.read(out.resolve("val"), ReadOptions.defaults());
    assertThat(train.size()).isEqualTo(30);
    assertThat(test.size()).isEqualTo(10);
    for (Example e : train.examples()) {
      assertThat(e.labels()).as(e.text()).isEqualTo(labelOf.get(e.text()));
    }
    for (Example e : test.examples()) {
      assertThat(e.labels()).as(e.text()).isEqualTo(labelOf.get(e.text()));
    }
    assertThat(test.labelNames()).containsExactly("negative", "neutral", "positive");
  }

  @Test
  void csvHeadersStartBothPartsAndQuotedLineBreaksStayInTheirRow() throws Exception {
    StringBuilder csv = new StringBuilder("text,label\n");
    for (int i = 0; i < 20; i++) {
      csv.append(i == 5 ? "\"two\nlines\"" : "row " + i).append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
    }
    Path in = Files.writeString(dir.resolve("data.csv"), csv.toString());
    CliRun run = CliRun.of("data", "split", "--in", in.toString(), "--ratio", "0.5", "--seed", "3",
        "--out-train", dir.resolve("train.csv").toString(), "--out-test", dir.resolve("test.csv").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    Dataset train = DatasetReader.read(dir.resolve("train.csv"), ReadOptions.defaults());
    Dataset test = DatasetReader.read(dir.resolve("test.csv"), ReadOptions.defaults());
    List<String> texts = new ArrayList<>(train.texts());
    texts.addAll(test.texts());
    assertThat(texts).hasSize(20).contains("two\nlines");
    assertThat(Files.readString(dir.resolve("test.csv"))).startsWith("text,label\n");
  }
}

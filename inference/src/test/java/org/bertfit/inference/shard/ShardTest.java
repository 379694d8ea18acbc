package org.bertfit.inference.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.LongStream;
import org.bertfit.datasets.Example;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShardTest {
  @ParameterizedTest(name = "{0} rows, {1} shards, windows of {2}")
  @CsvSource({"0,1,8", "1,3,8", "45,3,8", "48,3,8", "45,7,8", "100000,3,2048", "10,10,1"})
  void shardsCutTheRowsIntoContiguousRunsOfWholeWindows(long rows, int count, int window) {
    long next = 0;
    for (int i = 0; i < count; i++) {
      Shard shard = new Shard(i, count);
      assertThat(shard.from(rows, window)).isEqualTo(next);
      assertThat(shard.from(rows, window) % window == 0 || shard.from(rows, window) == rows)
          .isTrue();
      next = shard.to(rows, window);
      assertThat(next).isGreaterThanOrEqualTo(shard.from(rows, window));
    }
    assertThat(next).isEqualTo(rows);
  }

  @Test
  void rowsReadsPastTheOtherShards() {
    List<Example> all = new ArrayList<>();
    LongStream.range(0, 20).forEach(i -> all.add(Example.of("t" + i, List.of(), i + 1)));
    Iterator<Example> rows = Shard.parse("1/2").rows(all.iterator(), 20, 4);
    List<String> texts = new ArrayList<>();
    rows.forEachRemaining(e -> texts.add(e.text()));
    assertThat(texts)
        .containsExactly(
            "t8", "t9", "t10", "t11", "t12", "t13", "t14", "t15", "t16", "t17", "t18", "t19");
  }

  @Test
  void parsesIndexSlashCount() {
    assertThat(Shard.parse(" 2/3 ")).isEqualTo(new Shard(2, 3));
    assertThatThrownBy(() -> Shard.parse("3/3")).hasMessage("shard 3/3: need 0 <= index < count");
    assertThatThrownBy(() -> Shard.parse("1-3"))
        .hasMessage("--shard must be INDEX/COUNT with 0 <= INDEX < COUNT (e.g. 0/3), got '1-3'");
  }
}

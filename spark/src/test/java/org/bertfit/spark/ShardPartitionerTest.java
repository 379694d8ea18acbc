package org.bertfit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.bertfit.inference.shard.Shard;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShardPartitionerTest {
  /** Every index goes to the partition whose shard holds it, empty shards included. */
  @ParameterizedTest(name = "{0} examples, windows of {1}, {2} partitions")
  @CsvSource({"20001, 2048, 2", "20001, 2048, 10", "5, 2, 4", "3000, 64, 7", "1, 2048, 1", "130, 64, 3"})
  void partitionsAreTheShards(long examples, int window, int partitions) {
    ShardPartitioner partitioner = new ShardPartitioner(examples, window, partitions);
    for (long i = 0; i < examples; i++) {
      int p = partitioner.getPartition(i);
      Shard shard = new Shard(p, partitions);
      assertThat(i).as("index %d in partition %d", i, p)
          .isBetween(shard.from(examples, window), shard.to(examples, window) - 1);
    }
    assertThat(partitioner.numPartitions()).isEqualTo(partitions);
  }
}

package org.bertfit.spark;

import java.util.Arrays;
import org.apache.spark.Partitioner;
import org.bertfit.inference.shard.Shard;

/**
 * Sends the example at index {@code i} of the input to partition {@code p} when {@link Shard}
 * {@code p/n} holds it: contiguous runs of whole windows, so that every text is batched with the
 * same neighbours as in a run of {@code bertfit evaluate}, and predictions are bit for bit its
 * predictions.
 */
final class ShardPartitioner extends Partitioner {
  private static final long serialVersionUID = 1L;

  /** {@code starts[p]} is the first index of partition {@code p}; {@code starts[n]} the end. */
  private final long[] starts;

  ShardPartitioner(long examples, int windowSize, int partitions) {
    starts = new long[partitions + 1];
    for (int p = 0; p < partitions; p++) {
      starts[p] = new Shard(p, partitions).from(examples, windowSize);
    }
    starts[partitions] = examples;
  }

  @Override
  public int numPartitions() {
    return starts.length - 1;
  }

  @Override
  public int getPartition(Object key) {
    long index = (Long) key;
    int found = Arrays.binarySearch(starts, index);
    // Equal starts mean empty partitions before a non-empty one: take the last of them.
    int p = found >= 0 ? found : -found - 2;
    while (p + 1 < numPartitions() && starts[p + 1] == index) {
      p++;
    }
    return p;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ShardPartitioner s && Arrays.equals(starts, s.starts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(starts);
  }
}

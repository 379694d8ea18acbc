package org.bertfit.models.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bertfit.datasets.tokenize.EncodedBatch;
import org.bertfit.datasets.tokenize.TokenizedText;
import org.bertfit.models.graph.InferenceModel;
import org.bertfit.models.io.ReferenceSavedModel;

/**
 * Times bertfit's graph against a SavedModel's own serving signature on the same batch, in the
 * same process, alternating runs (and which of the two goes first) so that both see the same
 * machine load: warm-up runs, then the median of the timed runs. Each timed run does the same work
 * on both sides: tensors built from the batch, the graph run, its outputs copied into Java arrays.
 */
public final class ForwardBenchmark {
  private ForwardBenchmark() {}

  /**
   * A batch of random token ids with realistic padding: lengths uniform in [seq/4, seq], {@code
   * [CLS]} first and {@code [SEP]} last (ids 101 and 102 of the BERT vocabulary).
   */
  public static EncodedBatch randomBatch(int batchSize, int seqLength, int vocabSize, long seed) {
    Random random = new Random(seed);
    List<TokenizedText> texts = new ArrayList<>();
    for (int i = 0; i < batchSize; i++) {
      int length = seqLength / 4 + random.nextInt(seqLength - seqLength / 4 + 1);
      int[] ids = new int[length];
      for (int t = 0; t < length; t++) {
        ids[t] = 1000 + random.nextInt(vocabSize - 1000);
      }
      ids[0] = 101;
      ids[length - 1] = 102;
      texts.add(new TokenizedText(ids, new int[length], false));
    }
    return EncodedBatch.pad(texts, seqLength, 0);
  }

  /**
   * Runs both models {@code warmup} times, then {@code runs} times each, alternating.
   *
   * @return samples per second of each (medians)
   */
  public static Result run(
      InferenceModel ours, ReferenceSavedModel reference, EncodedBatch batch, int warmup, int runs) {
    double[] oursSeconds = new double[runs];
    double[] referenceSeconds = new double[runs];
    for (int i = 0; i < warmup; i++) {
      ours.run(batch);
      reference.run(batch);
    }
    for (int i = 0; i < runs; i++) {
      if (i % 2 == 0) {
        oursSeconds[i] = seconds(() -> ours.run(batch));
        referenceSeconds[i] = seconds(() -> reference.run(batch));
      } else {
        referenceSeconds[i] = seconds(() -> reference.run(batch));
        oursSeconds[i] = seconds(() -> ours.run(batch));
      }
    }
    return new Result(batch.batchSize() / median(oursSeconds), batch.batchSize() / median(referenceSeconds));
  }

  private static double seconds(Runnable run) {
    long t0 = System.nanoTime();
    run.run();
    return (System.nanoTime() - t0) / 1e9;
  }

  /** The median of {@code values}. */
  public static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** Samples per second of bertfit's graph and of the reference. */
  public record Result(double ours, double reference) {
    public double ratio() {
      return ours / reference;
    }

    /** {@code forward: ours=<samples/s> reference=<samples/s> ratio=<ours/reference>}. */
    public String line() {
      return String.format("forward: ours=%.2f reference=%.2f ratio=%.3f", ours, reference, ratio());
    }
  }
}

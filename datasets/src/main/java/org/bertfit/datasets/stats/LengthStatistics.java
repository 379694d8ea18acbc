package org.bertfit.datasets.stats;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bertfit.datasets.EncodedDataset;
import org.bertfit.datasets.internal.Percentiles;

/**
 * Token lengths (special tokens included, after truncation) against the maximum length.
 *
 * @param maxLength the tokenizer's maximum length
 * @param texts the number of texts
 * @param truncated how many texts were longer than {@code maxLength} and got cut
 * @param mean the mean length
 * @param unknownShare the share of tokens that are the unknown token ({@link
 *     EncodedDataset#unknownTokenShare()})
 * @param percentiles {@code min}, {@code p50}, {@code p90}, {@code p95}, {@code p99}, {@code max}
 *     (linear interpolation, as NumPy)
 */
public record LengthStatistics(
    int maxLength,
    int texts,
    int truncated,
    double mean,
    double unknownShare,
    Map<String, Double> percentiles) {
  private static final int[] REPORTED = {50, 90, 95, 99};

  public LengthStatistics {
    percentiles = Collections.unmodifiableMap(new LinkedHashMap<>(percentiles));
  }

  /** The lengths of an encoded dataset. */
  public static LengthStatistics of(EncodedDataset encoded) {
    return of(encoded.lengths(), encoded.maxLength(), encoded.truncatedCount(), encoded.unknownTokenShare());
  }

  /** Statistics of {@code lengths}. */
  public static LengthStatistics of(int[] lengths, int maxLength, int truncated, double unknownShare) {
    int[] sorted = lengths.clone();
    Arrays.sort(sorted);
    Map<String, Double> percentiles = new LinkedHashMap<>();
    if (sorted.length > 0) {
      percentiles.put("min", (double) sorted[0]);
      for (int q : REPORTED) {
        percentiles.put("p" + q, Percentiles.of(sorted, q));
      }
      percentiles.put("max", (double) sorted[sorted.length - 1]);
    }
    double mean = Arrays.stream(lengths).average().orElse(0);
    return new LengthStatistics(maxLength, lengths.length, truncated, mean, unknownShare, percentiles);
  }
}

package org.bertfit.datasets.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Iterative stratification (Sechidis, Tsoumakas and Vlahavas, ECML PKDD 2011): the rarest label's
 * examples are placed first, each into the subset that most lacks that label. Single-label data is
 * the special case of one label per example. Subset sizes are met exactly.
 */
public final class IterativeStratification {
  private IterativeStratification() {}

  /**
   * Assigns each example to a subset.
   *
   * @param labelSets the label ids of each example (possibly none)
   * @param numLabels the number of label ids
   * @param sizes the number of examples each subset must receive (summing to the example count)
   * @return the subset of each example
   */
  public static int[] assign(
      int[][] labelSets, int numLabels, int[] sizes, SplittableRandom random) {
    int n = labelSets.length;
    List<List<Integer>> byLabel = new ArrayList<>();
    for (int l = 0; l < numLabels; l++) {
      byLabel.add(new ArrayList<>());
    }
    int[] order = Shuffle.permutation(n, random);
    for (int e : order) {
      for (int l : labelSets[e]) {
        byLabel.get(l).add(e);
      }
    }
    int[] remaining = new int[numLabels];
    for (int l = 0; l < numLabels; l++) {
      remaining[l] = byLabel.get(l).size();
    }
    double[][] wanted = new double[sizes.length][numLabels];
    for (int s = 0; s < sizes.length; s++) {
      for (int l = 0; l < numLabels; l++) {
        wanted[s][l] = (double) remaining[l] * sizes[s] / Math.max(1, n);
      }
    }
    int[] left = sizes.clone();
    int[] subset = new int[n];
    Arrays.fill(subset, -1);
    for (int label; (label = rarest(remaining)) >= 0; ) {
      for (int e : byLabel.get(label)) {
        if (subset[e] < 0) {
          int s = choose(wanted, left, label, random);
          subset[e] = s;
          left[s]--;
          for (int l : labelSets[e]) {
            wanted[s][l]--;
            remaining[l]--;
          }
        }
      }
    }
    for (int e : order) {
      if (subset[e] < 0) {
        int s = choose(wanted, left, -1, random);
        subset[e] = s;
        left[s]--;
      }
    }
    return subset;
  }

  /** The label with the fewest unplaced examples, or -1 when all are placed. */
  private static int rarest(int[] remaining) {
    int best = -1;
    for (int l = 0; l < remaining.length; l++) {
      if (remaining[l] > 0 && (best < 0 || remaining[l] < remaining[best])) {
        best = l;
      }
    }
    return best;
  }

  /** Among subsets with room: most wanting {@code label}, then most room, then at random. */
  private static int choose(double[][] wanted, int[] left, int label, SplittableRandom random) {
    int best = -1;
    int ties = 0;
    for (int s = 0; s < left.length; s++) {
      if (left[s] <= 0) {
        continue;
      }
      int cmp = best < 0 ? 1 : compare(wanted, left, label, s, best);
      if (cmp > 0) {
        best = s;
        ties = 1;
      } else if (cmp == 0 && random.nextInt(++ties) == 0) {
        best = s;
      }
    }
    return best;
  }

  private static int compare(double[][] wanted, int[] left, int label, int a, int b) {
    if (label >= 0) {
      int byLabel = Double.compare(wanted[a][label], wanted[b][label]);
      if (byLabel != 0) {
        return byLabel;
      }
    }
    return Integer.compare(left[a], left[b]);
  }
}

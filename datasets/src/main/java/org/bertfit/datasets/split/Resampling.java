package org.bertfit.datasets.split;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.bertfit.datasets.Dataset;
import org.bertfit.datasets.Task;
import org.bertfit.datasets.internal.Shuffle;
import org.bertfit.datasets.labels.LabelEncoder;

/**
 * Seeded random over- and under-sampling of single-label data, as imbalanced-learn's {@code
 * RandomOverSampler} and {@code RandomUnderSampler} with their default strategies. (For multi-label
 * data, weight the loss instead: {@link org.bertfit.datasets.labels.ClassWeights}.)
 */
public final class Resampling {
  private Resampling() {}

  /** Every class drawn with replacement up to the majority class's count; originals kept. */
  public static Dataset oversample(Dataset data, long seed) {
    int[][] byClass = byClass(data);
    int target = Arrays.stream(byClass).mapToInt(c -> c.length).max().orElse(0);
    SplittableRandom random = Shuffle.random(seed, 0);
    int[] chosen = Arrays.copyOf(Shuffle.identity(data.size()), target * byClass.length);
    int k = data.size();
    for (int[] members : byClass) {
      for (int extra = members.length; extra < target; extra++) {
        chosen[k++] = members[random.nextInt(members.length)];
      }
    }
    return data.subset(chosen, data.source() + " [oversampled]");
  }

  /** Every class cut without replacement down to the minority class's count, in file order. */
  public static Dataset undersample(Dataset data, long seed) {
    int[][] byClass = byClass(data);
    int target = Arrays.stream(byClass).mapToInt(c -> c.length).min().orElse(0);
    SplittableRandom random = Shuffle.random(seed, 0);
    int[] chosen = new int[target * byClass.length];
    int k = 0;
    for (int[] members : byClass) {
      int[] order = members.clone();
      Shuffle.shuffle(order, 0, order.length, random);
      System.arraycopy(order, 0, chosen, k, target);
      k += target;
    }
    Arrays.sort(chosen);
    return data.subset(chosen, data.source() + " [undersampled]");
  }

  /** The example indices of each class present in the data, in file order. */
  private static int[][] byClass(Dataset data) {
    if (data.task() != Task.SINGLE_LABEL || !data.labelled()) {
      throw new IllegalArgumentException(
          data.source()
              + ": random resampling needs single-label data; for multi-label data use"
              + " positive weights in the loss");
    }
    LabelEncoder labels = LabelEncoder.fit(data);
    int[] classOf = new int[data.size()];
    int[] counts = new int[labels.size()];
    for (int i = 0; i < classOf.length; i++) {
      classOf[i] = labels.id(data.get(i).labels().get(0));
      counts[classOf[i]]++;
    }
    int[][] byClass = new int[labels.size()][];
    int[] filled = new int[labels.size()];
    for (int c = 0; c < byClass.length; c++) {
      byClass[c] = new int[counts[c]];
    }
    for (int i = 0; i < classOf.length; i++) {
      byClass[classOf[i]][filled[classOf[i]]++] = i;
    }
    return Arrays.stream(byClass).filter(members -> members.length > 0).toArray(int[][]::new);
  }
}

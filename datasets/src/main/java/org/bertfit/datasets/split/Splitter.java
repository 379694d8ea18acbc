package org.bertfit.datasets.split;

import java.util.SplittableRandom;
import org.bertfit.datasets.Dataset;
import org.bertfit.datasets.Example;
import org.bertfit.datasets.internal.IterativeStratification;
import org.bertfit.datasets.internal.Shuffle;
import org.bertfit.datasets.labels.LabelEncoder;

/**
 * Seeded train/validation/test splits. Sizes follow scikit-learn's {@code train_test_split}: the
 * validation and test parts get {@code ceil(fraction * n)} examples, training the rest. Each part
 * keeps the file order of its examples.
 */
public final class Splitter {
  private static final int TRAIN = 0;
  private static final int VALIDATION = 1;
  private static final int TEST = 2;

  private Splitter() {}

  public static DatasetSplit split(Dataset data, SplitOptions options) {
    int n = data.size();
    int[] sizes = new int[3];
    sizes[VALIDATION] = (int) Math.ceil(options.validation() * n);
    sizes[TEST] = (int) Math.ceil(options.test() * n);
    sizes[TRAIN] = n - sizes[VALIDATION] - sizes[TEST];
    if (sizes[TRAIN] <= 0) {
      throw new IllegalArgumentException(
          data.source()
              + ": "
              + n
              + " examples leave none for training after "
              + sizes[VALIDATION]
              + " for validation and "
              + sizes[TEST]
              + " for test");
    }
    SplittableRandom random = Shuffle.random(options.seed(), 0);
    int[] subset;
    if (options.stratify() && data.labelled()) {
      LabelEncoder labels = LabelEncoder.fit(data);
      subset =
          IterativeStratification.assign(labelSets(data, labels), labels.size(), sizes, random);
    } else {
      subset = randomly(n, sizes, random);
    }
    return new DatasetSplit(
        part(data, subset, TRAIN, sizes, "train"),
        part(data, subset, VALIDATION, sizes, "validation"),
        part(data, subset, TEST, sizes, "test"));
  }

  private static int[][] labelSets(Dataset data, LabelEncoder labels) {
    int[][] sets = new int[data.size()][];
    for (int i = 0; i < sets.length; i++) {
      Example e = data.get(i);
      sets[i] = e.labels().stream().distinct().mapToInt(labels::id).toArray();
    }
    return sets;
  }

  private static int[] randomly(int n, int[] sizes, SplittableRandom random) {
    int[] order = Shuffle.permutation(n, random);
    int[] subset = new int[n];
    int position = 0;
    for (int s = 0; s < sizes.length; s++) {
      for (int k = 0; k < sizes[s]; k++) {
        subset[order[position++]] = s;
      }
    }
    return subset;
  }

  private static Dataset part(Dataset data, int[] subset, int which, int[] sizes, String name) {
    int[] indices = new int[sizes[which]];
    int k = 0;
    for (int i = 0; i < subset.length; i++) {
      if (subset[i] == which) {
        indices[k++] = i;
      }
    }
    return data.subset(indices, data.source() + " [" + name + "]");
  }
}

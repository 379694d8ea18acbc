package org.bertfit.datasets.labels;

import java.util.ArrayList;
import java.util.List;
import org.bertfit.datasets.Dataset;

/**
 * Turns label sets into 0/1 rows and back, as scikit-learn's {@code MultiLabelBinarizer}; column j
 * is label id j of the {@link LabelEncoder}.
 */
public final class MultiLabelBinarizer {
  private final LabelEncoder labels;

  public MultiLabelBinarizer(LabelEncoder labels) {
    this.labels = labels;
  }

  /** A binarizer over the dataset's label set (see {@link LabelEncoder#fit(Dataset)}). */
  public static MultiLabelBinarizer fit(Dataset data) {
    return new MultiLabelBinarizer(LabelEncoder.fit(data));
  }

  public LabelEncoder labels() {
    return labels;
  }

  /** The 0/1 row of a label set; an unknown label is an error. */
  public float[] transform(List<String> labelSet) {
    float[] row = new float[labels.size()];
    transformInto(labelSet, row, 0);
    return row;
  }

  /** Writes the 0/1 row of {@code labelSet} into {@code matrix} at {@code row} (row-major). */
  public void transformInto(List<String> labelSet, float[] matrix, int row) {
    int offset = row * labels.size();
    for (String label : labelSet) {
      matrix[offset + labels.id(label)] = 1f;
    }
  }

  /** The labels whose score is above {@code threshold} (0.5 on sigmoid probabilities). */
  public List<String> inverse(float[] scores, float threshold) {
    if (scores.length != labels.size()) {
      throw new IllegalArgumentException(
          "scores has " + scores.length + " values for " + labels.size() + " labels");
    }
    List<String> out = new ArrayList<>();
    for (int j = 0; j < scores.length; j++) {
      if (scores[j] > threshold) {
        out.add(labels.name(j));
      }
    }
    return out;
  }
}

package org.bertfit.training.frozen;

/**
 * A dense classification layer's weights: logits = features · kernel + bias.
 *
 * @param kernel row-major {@code [features, labels]}, as the graph's {@code classifier/kernel}
 * @param bias {@code [labels]}
 */
public record LinearHead(int numFeatures, int numLabels, float[] kernel, float[] bias) {
  public LinearHead {
    if (kernel.length != numFeatures * numLabels || bias.length != numLabels) {
      throw new IllegalArgumentException(
          "a head of " + numFeatures + " features and " + numLabels + " labels needs "
              + numFeatures * numLabels + " kernel and " + numLabels + " bias values, got "
              + kernel.length + " and " + bias.length);
    }
  }

  /** The logits of one feature row. */
  public double[] logits(float[] features) {
    double[] out = new double[numLabels];
    for (int k = 0; k < numLabels; k++) {
      double z = bias[k];
      for (int j = 0; j < numFeatures; j++) {
        z += features[j] * kernel[j * numLabels + k];
      }
      out[k] = z;
    }
    return out;
  }
}

package org.bertfit.models.export;

import java.util.List;
import org.bertfit.datasets.Task;
import org.bertfit.evaluation.LabelSet;
import org.bertfit.evaluation.Thresholds;
import org.bertfit.models.BertConfig;

/** The decision thresholds a multi-label export applies, checked against the model's labels. */
public final class LabelThresholds {
  private LabelThresholds() {}

  /**
   * {@code given} in the model's label order, {@value Thresholds#DEFAULT} for every label when it is {@code
   * null}; {@code null} for models that are not multi-label.
   *
   * @param source names the thresholds in error messages
   */
  public static Thresholds resolve(BertConfig config, Thresholds given, String source) {
    if (config.problemType() != Task.MULTI_LABEL) {
      if (given != null) {
        throw new IllegalArgumentException(
            source
                + ": thresholds apply to multi_label_classification models; this one is "
                + BertConfig.problemTypeName(config.problemType()));
      }
      return null;
    }
    List<String> labels = config.labels();
    if (given == null) {
      return Thresholds.uniform(LabelSet.of(labels), Thresholds.DEFAULT);
    }
    for (String label : given.labels()) {
      if (!labels.contains(label)) {
        throw new IllegalArgumentException(
            source + ": unknown label '" + label + "'; model labels: " + String.join(", ", labels));
      }
    }
    double[] values = new double[labels.size()];
    for (int id = 0; id < values.length; id++) {
      int at = given.labels().indexOf(labels.get(id));
      if (at < 0) {
        throw new IllegalArgumentException(
            source + ": no threshold for label '" + labels.get(id) + "'");
      }
      values[id] = given.values()[at];
      if (!(values[id] >= 0 && values[id] <= 1)) {
        throw new IllegalArgumentException(
            source
                + ": threshold of '"
                + labels.get(id)
                + "' must be in [0, 1], got "
                + values[id]);
      }
    }
    return new Thresholds(labels, values);
  }

  /**
   * The thresholds as the float32 values the graph compares probabilities with. Each is the
   * smallest float not below the threshold, so that {@code p >= t} in float32 decides exactly as
   * {@link Thresholds#apply} does in double.
   */
  static float[] floats(Thresholds thresholds) {
    double[] values = thresholds.values();
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (float) values[i];
      if (out[i] < values[i]) {
        out[i] = Math.nextUp(out[i]);
      }
    }
    return out;
  }
}

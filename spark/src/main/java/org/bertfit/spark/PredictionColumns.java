package org.bertfit.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.bertfit.inference.Prediction;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The columns predictions add to the input's: {@code predicted_label} (a string; {@code
 * predicted_labels}, an array, for a multi-label model) and {@code scores}, a map from each label
 * to its probability in the model's label order, as {@code bertfit predict} writes them.
 */
final class PredictionColumns implements Serializable {
  private static final long serialVersionUID = 1L;

  static final String PREDICTED_LABEL = "predicted_label";
  static final String PREDICTED_LABELS = "predicted_labels";
  static final String SCORES = "scores";

  private final ArrayList<String> labels;
  private final boolean multiLabel;
  private final int inputWidth;

  PredictionColumns(List<String> labels, boolean multiLabel, int inputWidth) {
    this.labels = new ArrayList<>(labels);
    this.multiLabel = multiLabel;
    this.inputWidth = inputWidth;
  }

  /** {@code input} and the prediction columns. */
  StructType schema(StructType input) {
    String predicted = multiLabel ? PREDICTED_LABELS : PREDICTED_LABEL;
    for (String name : List.of(predicted, SCORES)) {
      if (Arrays.asList(input.fieldNames()).contains(name)) {
        throw new IllegalArgumentException(
            "the input has a column '" + name + "'; predictions add a column of that name");
      }
    }
    DataType label = multiLabel ? DataTypes.createArrayType(DataTypes.StringType, false)
        : DataTypes.StringType;
    return input
        .add(predicted, label, false)
        .add(SCORES, DataTypes.createMapType(DataTypes.StringType, DataTypes.FloatType, false), false);
  }

  /** The input row with its prediction. */
  Row row(Row input, Prediction p) {
    Object[] values = new Object[inputWidth + 2];
    for (int i = 0; i < inputWidth; i++) {
      values[i] = input.get(i);
    }
    List<String> predicted = new ArrayList<>(p.labels().length);
    for (int id : p.labels()) {
      predicted.add(labels.get(id));
    }
    values[inputWidth] = multiLabel ? predicted.toArray(String[]::new) : predicted.get(0);
    Map<String, Float> scores = new LinkedHashMap<>();
    for (int c = 0; c < labels.size(); c++) {
      scores.put(labels.get(c), p.probabilities()[c]);
    }
    // Rows hold Scala collections, as Spark's encoders take them; this map keeps label order.
    values[inputWidth + 1] = CollectionConverters.asScala(scores);
    return RowFactory.create(values);
  }

  /** The probabilities of a row that {@link #row} made, in label order. */
  float[] probabilities(Row row) {
    Map<String, Float> scores = row.getJavaMap(inputWidth + 1);
    float[] out = new float[labels.size()];
    for (int c = 0; c < out.length; c++) {
      out[c] = scores.get(labels.get(c));
    }
    return out;
  }
}

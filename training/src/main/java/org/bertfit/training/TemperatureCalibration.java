package org.bertfit.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bertfit.datasets.Dataset;
import org.bertfit.datasets.EncodedDataset;
import org.bertfit.datasets.Task;
import org.bertfit.datasets.labels.LabelEncoder;
import org.bertfit.datasets.tokenize.BertTokenizer;
import org.bertfit.evaluation.Calibration;
import org.bertfit.evaluation.ScoreBuffer;
import org.bertfit.evaluation.TemperatureScaling;
import org.bertfit.models.BertConfig;

/**
 * Temperature scaling fitted on labelled validation data from the model's logits: one temperature
 * (single-label) or one per label (multi-label), with the validation calibration before (T = 1) and
 * after.
 */
public record TemperatureCalibration(List<Double> temperatures, Quality before, Quality after) {
  /**
   * Validation calibration.
   *
   * @param ece expected calibration error, 15 equal-width bins: top label, or the mean over labels
   * @param brier the Brier score of {@link Calibration#brier(ScoreBuffer)}
   */
  public record Quality(double ece, double brier) {}

  /**
   * Fits the temperatures of {@code model} on {@code data}.
   *
   * @throws IllegalArgumentException for a token classifier
   */
  public static TemperatureCalibration fit(Model model, Dataset data, int maxLength, int batchSize) {
    BertConfig config = model.config();
    requireTextClassifier(config);
    LabelEncoder labels = LabelEncoder.of(config.labels());
    EncodedDataset encoded;
    try (BertTokenizer tokenizer = model.tokenizer(maxLength)) {
      encoded = EncodedDataset.encode(data, tokenizer, labels);
    }
    float[][] logits = model.predict(encoded, batchSize).logits();
    int n = logits.length;
    int k = config.numLabels();
    double[][] z = new double[n][k];
    boolean[][] truth = new boolean[n][k];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < k; c++) {
        z[i][c] = logits[i][c];
      }
      for (String label : data.get(i).labels()) {
        truth[i][labels.id(label)] = true;
      }
    }
    boolean multi = config.problemType() == Task.MULTI_LABEL;
    double[] t = multi ? fitPerLabel(z, truth) : new double[] {TemperatureScaling.fitSoftmax(z, trueClass(truth))};
    List<Double> fitted = new ArrayList<>();
    for (double v : t) {
      fitted.add(v);
    }
    double[] ones = new double[t.length];
    Arrays.fill(ones, 1);
    return new TemperatureCalibration(
        fitted, quality(z, truth, ones, multi), quality(z, truth, t, multi));
  }

  /** Throws naming the problem type unless {@code config} classifies texts. */
  public static void requireTextClassifier(BertConfig config) {
    if (config.problemType() == Task.TOKEN_CLASSIFICATION) {
      throw new IllegalArgumentException(
          "temperature scaling calibrates text classifiers (single_label_classification,"
              + " multi_label_classification); this model is a token classifier");
    }
  }

  /** {@code config} with these temperatures. */
  public BertConfig applyTo(BertConfig config) {
    return config.toBuilder().temperatures(temperatures).build();
  }

  private static double[] fitPerLabel(double[][] z, boolean[][] truth) {
    int k = z[0].length;
    double[] t = new double[k];
    for (int c = 0; c < k; c++) {
      double[] column = new double[z.length];
      boolean[] positive = new boolean[z.length];
      for (int i = 0; i < z.length; i++) {
        column[i] = z[i][c];
        positive[i] = truth[i][c];
      }
      t[c] = TemperatureScaling.fitSigmoid(column, positive);
    }
    return t;
  }

  private static int[] trueClass(boolean[][] truth) {
    int[] out = new int[truth.length];
    for (int i = 0; i < truth.length; i++) {
      for (int c = 0; c < truth[i].length; c++) {
        if (truth[i][c]) {
          out[i] = c;
        }
      }
    }
    return out;
  }

  private static Quality quality(double[][] z, boolean[][] truth, double[] t, boolean multi) {
    int k = z[0].length;
    ScoreBuffer scores = multi ? ScoreBuffer.multiLabel(k) : ScoreBuffer.multiClass(k);
    int[] classes = trueClass(truth);
    for (int i = 0; i < z.length; i++) {
      if (multi) {
        double[] row = new double[k];
        int[] indicator = new int[k];
        for (int c = 0; c < k; c++) {
          row[c] = TemperatureScaling.sigmoid(z[i][c], t[c]);
          indicator[c] = truth[i][c] ? 1 : 0;
        }
        scores.add(indicator, row);
      } else {
        scores.add(classes[i], TemperatureScaling.softmax(z[i], t[0]));
      }
    }
    double ece;
    if (multi) {
      double sum = 0;
      for (int c = 0; c < k; c++) {
        sum += Calibration.label(scores, c, Calibration.REPORT_BINS, Calibration.Binning.EQUAL_WIDTH).ece();
      }
      ece = sum / k;
    } else {
      ece = Calibration.topLabel(scores, Calibration.REPORT_BINS, Calibration.Binning.EQUAL_WIDTH).ece();
    }
    return new Quality(ece, Calibration.brier(scores));
  }
}

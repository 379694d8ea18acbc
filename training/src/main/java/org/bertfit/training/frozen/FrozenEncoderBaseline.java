package org.bertfit.training.frozen;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.bertfit.datasets.Batch;
import org.bertfit.datasets.BatchLabels;
import org.bertfit.datasets.BatchOptions;
import org.bertfit.datasets.EncodedDataset;
import org.bertfit.datasets.Task;
import org.bertfit.models.BertConfig;
import org.bertfit.models.graph.BertClassifier;
import org.bertfit.models.graph.InferenceModel;
import org.bertfit.models.graph.Parameter;
import org.bertfit.models.device.SessionOptions;
import org.bertfit.models.io.ModelDirectory;
import org.bertfit.models.io.PretrainedModel;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Seed 003's baseline: the frozen pretrained encoder turns each text into features (the pooler,
 * the {@code [CLS]} state or the token mean, as the config's {@code classifier_pooling} says),
 * a logistic regression is fitted to them, and its coefficients become the classifier's dense
 * weights: the result is a model directory like any other. Multi-label data gets one binary
 * regression per label (the graph's sigmoid then gives each regression's probability).
 */
public final class FrozenEncoderBaseline {
  /** Texts a window sorted by length before batching: less padding, same features. */
  private static final int BUCKET_WINDOW = 50;

  private FrozenEncoderBaseline() {}

  /**
   * What the fit did.
   *
   * @param featureSeconds time spent running the encoder
   * @param fitSeconds time spent fitting the regression
   */
  public record Result(ModelDirectory model, int examples, int features, double featureSeconds, double fitSeconds) {}

  /**
   * Fits the regression on {@code train}'s features and writes the model to {@code out}, atomically.
   *
   * @param pretrained the encoder, with the head's labels, problem type and pooling in its config
   * @param session session options, or null
   */
  public static Result fit(
      PretrainedModel pretrained, EncodedDataset train, LogisticRegression regression, int batchSize,
      SessionOptions session, Path out, boolean replace) {
    BertConfig config = pretrained.config();
    if (train.task() == Task.TOKEN_CLASSIFICATION) {
      throw new IllegalArgumentException(
          "a logistic-regression head is for text classification; " + train.source() + " is tagged");
    }
    try (InferenceModel model = InferenceModel.create(config, session)) {
      model.load(pretrained.checkpoint(), 0);
      long start = System.nanoTime();
      float[][] features = new float[train.size()][];
      int[][] labels = new int[train.size()][];
      for (Batch batch : train.batches(BatchOptions.inOrder(batchSize).withBucketWindow(BUCKET_WINDOW), 0)) {
        float[] rows = model.headInput(batch.inputs());
        int width = config.hiddenSize();
        for (int r = 0; r < batch.size(); r++) {
          int example = batch.indices()[r];
          features[example] = Arrays.copyOfRange(rows, r * width, (r + 1) * width);
          labels[example] = labelsOf(batch.labels(), r, config.numLabels());
        }
      }
      double featureSeconds = (System.nanoTime() - start) / 1e9;
      start = System.nanoTime();
      LinearHead head =
          train.task() == Task.MULTI_LABEL
              ? perLabel(regression, features, labels, config.labels())
              : regression.fit(features, column(labels, 0), config.numLabels());
      double fitSeconds = (System.nanoTime() - start) / 1e9;
      assign(model, head);
      ModelDirectory dir = ModelDirectory.write(out, model, pretrained.vocab(), pretrained.tokenizerJson(), replace);
      return new Result(dir, train.size(), config.hiddenSize(), featureSeconds, fitSeconds);
    }
  }

  /** Row {@code r}'s class id (single-label) or 0/1 per label (multi-label). */
  private static int[] labelsOf(BatchLabels labels, int r, int numLabels) {
    if (labels instanceof BatchLabels.ClassIds ids) {
      return new int[] {ids.ids()[r]};
    }
    float[] hot = ((BatchLabels.MultiHot) labels).values();
    int[] row = new int[numLabels];
    for (int k = 0; k < numLabels; k++) {
      row[k] = hot[r * numLabels + k] > 0.5f ? 1 : 0;
    }
    return row;
  }

  private static int[] column(int[][] labels, int k) {
    int[] out = new int[labels.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = labels[i][k];
    }
    return out;
  }

  /** One binary regression per label; label k's logit is its log-odds. */
  private static LinearHead perLabel(LogisticRegression regression, float[][] x, int[][] labels, List<String> names) {
    int numLabels = names.size();
    int width = x[0].length;
    float[] kernel = new float[width * numLabels];
    float[] bias = new float[numLabels];
    for (int k = 0; k < numLabels; k++) {
      int[] present = column(labels, k);
      int positives = Arrays.stream(present).sum();
      if (positives == 0 || positives == present.length) {
        throw new IllegalArgumentException(
            "label '" + names.get(k) + "' is on " + positives + " of " + present.length
                + " training examples; a logistic regression per label needs examples with and without it");
      }
      LinearHead binary = regression.fit(x, present, 2);
      for (int j = 0; j < width; j++) {
        kernel[j * numLabels + k] = binary.kernel()[j * 2 + 1] - binary.kernel()[j * 2];
      }
      bias[k] = binary.bias()[1] - binary.bias()[0];
    }
    return new LinearHead(width, numLabels, kernel, bias);
  }

  /** Sets the graph's classifier kernel and bias to the head's weights. */
  private static void assign(InferenceModel model, LinearHead head) {
    Parameter kernel = model.parameters().get(BertClassifier.HEAD_SCOPE + "/kernel");
    Parameter bias = model.parameters().get(BertClassifier.HEAD_SCOPE + "/bias");
    model.parameters().assign(model.session(), List.of(kernel, bias), p -> p == kernel
        ? TFloat32.tensorOf(Shape.of(head.numFeatures(), head.numLabels()), DataBuffers.of(head.kernel(), true, false))
        : TFloat32.tensorOf(Shape.of(head.numLabels()), DataBuffers.of(head.bias(), true, false)));
  }
}

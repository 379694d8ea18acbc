package org.bertfit.training.frozen;

import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import java.util.Arrays;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.liblinear.LinearClassificationType.LinearType;
import org.tribuo.common.liblinear.LibLinearModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * L2-regularised logistic regression fitted to convergence by LIBLINEAR's trust-region Newton
 * solver (through Tribuo): the objective and solver of scikit-learn's {@code
 * LogisticRegression(solver="liblinear", C=c, tol=tolerance)}, one-vs-rest for more than two
 * classes, the intercept a feature of value 1 (regularised, as there).
 *
 * @param c inverse regularisation strength, scikit-learn's {@code C}
 * @param tolerance LIBLINEAR's stopping tolerance on the gradient norm, scikit-learn's {@code tol}
 * @param maxIterations Newton iterations at most per class
 */
public record LogisticRegression(double c, double tolerance, int maxIterations) {
  private static final LabelFactory LABELS = new LabelFactory();

  public LogisticRegression {
    if (!(c > 0) || !(tolerance > 0) || maxIterations < 1) {
      throw new IllegalArgumentException(
          "C (" + c + ") and the tolerance (" + tolerance + ") must be > 0, max iterations ("
              + maxIterations + ") at least 1");
    }
  }

  /** scikit-learn's defaults (C 1, tol 1e-4), with up to 1,000 iterations. */
  public static LogisticRegression defaults() {
    return new LogisticRegression(1.0, 1e-4, 1000);
  }

  /**
   * Fits classes {@code 0 .. numClasses-1} to the feature rows. The head's logits order the
   * classes as the fitted model does: with two classes, softmax of the logits is the model's
   * probability; with more, each logit is its class's one-vs-rest decision value.
   *
   * @throws IllegalArgumentException when a class has no example, or rows differ in width
   */
  public LinearHead fit(float[][] features, int[] classes, int numClasses) {
    int width = features.length == 0 ? 0 : features[0].length;
    requireEveryClass(classes, numClasses, features.length);
    String[] names = featureNames(width);
    MutableDataset<Label> data =
        new MutableDataset<>(new SimpleDataSourceProvenance("frozen-encoder features", LABELS), LABELS);
    for (int i = 0; i < features.length; i++) {
      if (features[i].length != width) {
        throw new IllegalArgumentException(
            "feature row " + i + " has " + features[i].length + " values, row 0 has " + width);
      }
      double[] row = new double[width];
      for (int j = 0; j < width; j++) {
        row[j] = features[i][j];
      }
      data.add(new ArrayExample<>(new Label(Integer.toString(classes[i])), names, row));
    }
    Linear.disableDebugOutput();
    LibLinearModel<Label> model =
        new LibLinearClassificationTrainer(
                new LinearClassificationType(LinearType.L2R_LR), c, maxIterations, tolerance)
            .train(data);
    return head(model, names, numClasses);
  }

  /** The Tribuo model's weights as a head whose logit k belongs to class k. */
  private static LinearHead head(LibLinearModel<Label> model, String[] names, int numClasses) {
    Model inner = model.getInnerModels().get(0);
    int[] libLabels = inner.getLabels();
    int width = names.length;
    float[] kernel = new float[width * numClasses];
    float[] bias = new float[numClasses];
    // With two classes LIBLINEAR keeps one weight vector, for its first label: that label's logit
    // is the decision value and the other's 0, so softmax gives the fitted probability.
    int vectors = numClasses == 2 ? 1 : numClasses;
    for (int v = 0; v < vectors; v++) {
      int k = classOf(model, libLabels[v]);
      for (int j = 0; j < width; j++) {
        var feature = model.getFeatureIDMap().get(names[j]);
        if (feature != null) {
          kernel[j * numClasses + k] = (float) inner.getDecfunCoef(feature.getID() + 1, v);
        }
      }
      bias[k] = (float) inner.getDecfunBias(v);
    }
    return new LinearHead(width, numClasses, kernel, bias);
  }

  /** The class (0-based, as given to {@link #fit}) of LIBLINEAR's label id. */
  private static int classOf(LibLinearModel<Label> model, int libLabel) {
    return Integer.parseInt(model.getOutputIDInfo().getOutput(libLabel).getLabel());
  }

  private static void requireEveryClass(int[] classes, int numClasses, int rows) {
    if (classes.length != rows) {
      throw new IllegalArgumentException(rows + " feature rows but " + classes.length + " classes");
    }
    int[] counts = new int[numClasses];
    for (int y : classes) {
      if (y < 0 || y >= numClasses) {
        throw new IllegalArgumentException("class " + y + " is outside 0.." + (numClasses - 1));
      }
      counts[y]++;
    }
    int missing = Arrays.stream(counts).boxed().toList().indexOf(0);
    if (missing >= 0) {
      throw new IllegalArgumentException(
          "class " + missing + " has no training example; logistic regression needs each class");
    }
  }

  /** Names that sort as the columns do. */
  private static String[] featureNames(int width) {
    String[] names = new String[width];
    for (int j = 0; j < width; j++) {
      names[j] = String.format("f%06d", j);
    }
    return names;
  }
}

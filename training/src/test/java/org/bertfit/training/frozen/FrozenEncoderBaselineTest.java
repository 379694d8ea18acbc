package org.bertfit.training.frozen;

import org.bertfit.models.testing.TinySavedModels;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.bertfit.datasets.BatchLabels;
import org.bertfit.datasets.Dataset;
import org.bertfit.datasets.EncodedDataset;
import org.bertfit.datasets.Example;
import org.bertfit.datasets.Task;
import org.bertfit.datasets.io.SkipReport;
import org.bertfit.datasets.labels.LabelEncoder;
import org.bertfit.datasets.tokenize.BertTokenizer;
import org.bertfit.datasets.tokenize.EncodedBatch;
import org.bertfit.models.BertConfig;
import org.bertfit.models.ClassifierPooling;
import org.bertfit.models.export.ExportOptions;
import org.bertfit.models.export.ExportedModel;
import org.bertfit.models.export.ServingExport;
import org.bertfit.models.graph.BatchTensors;
import org.bertfit.models.graph.Floats;
import org.bertfit.models.graph.InferenceModel;
import org.bertfit.models.io.ModelDirectory;
import org.bertfit.models.export.ModelFiles;
import org.bertfit.models.io.PretrainedModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat32;

/**
 * Seed 003's baseline on a tiny random BERT: the saved model, and its TF Serving export, predict
 * what scikit-learn's logistic regression predicts on features computed here from the encoder's
 * own outputs (the pooler, the first row of the sequence output, or the mean of its real-token rows).
 */
class FrozenEncoderBaselineTest {
  private static final List<String> LABELS = List.of("bad", "good", "other");
  private static final int MAX_LENGTH = 48;
  /** Both sides solved to a tight tolerance: what remains is float32 noise in the features. */
  private static final LogisticRegression CONVERGED = new LogisticRegression(1.0, 1e-8, 10_000);

  @TempDir static Path dir;
  static Path pretrained;
  static EncodedDataset train;

  @BeforeAll
  static void data() {
    pretrained = TinySavedModels.modelDirectory(dir.resolve("pretrained"), TinySavedModels.CONFIG, 7);
    List<Example> examples = new ArrayList<>();
    List<String> texts = TinySavedModels.texts(150, 3);
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      String label = text.contains("good") ? "good" : text.contains("bad") ? "bad" : "other";
      examples.add(Example.of(text, List.of(label), i + 1));
    }
    Dataset data = new Dataset("keywords", Task.SINGLE_LABEL, true, examples, LABELS, SkipReport.NONE);
    try (BertTokenizer tokenizer =
        BertTokenizer.fromJson(PretrainedModel.open(pretrained, TinySavedModels.CONFIG).tokenizerJson(), MAX_LENGTH)) {
      train = EncodedDataset.encode(data, tokenizer, LabelEncoder.of(LABELS));
    }
  }

  @ParameterizedTest
  @EnumSource(ClassifierPooling.class)
  void savedAndExportedModelsPredictAsScikitLearn(ClassifierPooling pooling) throws Exception {
    BertConfig head = TinySavedModels.CONFIG.toBuilder().labels(LABELS).classifierPooling(pooling).build();
    Path out = dir.resolve("model-" + pooling.jsonName());
    FrozenEncoderBaseline.Result fit =
        FrozenEncoderBaseline.fit(
            PretrainedModel.open(pretrained, head), train, CONVERGED, 16, null, out, false);
    assertThat(fit.examples()).isEqualTo(150);
    assertThat(new ModelDirectory(out).config().classifierPooling()).isEqualTo(pooling);

    ScikitLearnLogistic reference =
        ScikitLearnLogistic.fit(features(pooling), classes(), CONVERGED.c(), CONVERGED.tolerance());
    EncodedBatch all = train.batch(IntStream.range(0, train.size()).toArray(), 1).inputs();

    float[] saved;
    saved = savedProbabilities(out, all);
    ExportedModel exported =
        ServingExport.export(new ModelDirectory(out), dir.resolve("served-" + pooling.jsonName()), ExportOptions.nextVersion());
    float[] served = servingProbabilities(exported.dir(), all);
    int k = LABELS.size();
    for (int i = 0; i < train.size(); i++) {
      reference.assertMatches(i, logs(saved, i, k), 1e-3);
      reference.assertMatches(i, logs(served, i, k), 1e-3);
    }
    assertThat(IntStream.of(reference.predictions()).distinct().count()).as("classes predicted").isGreaterThan(1);
  }

  /** Multi-label: one regression per label, each label's sigmoid its regression's probability. */
  @Test
  void multiLabelDataGetsOneRegressionPerLabel() throws Exception {
    List<String> names = List.of("bad", "good", "time");
    List<Example> examples = new ArrayList<>();
    List<String> texts = TinySavedModels.texts(150, 3);
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      examples.add(Example.of(text, names.stream().filter(text::contains).toList(), i + 1));
    }
    Dataset data = new Dataset("multi", Task.MULTI_LABEL, true, examples, names, SkipReport.NONE);
    EncodedDataset multi;
    try (BertTokenizer tokenizer =
        BertTokenizer.fromJson(PretrainedModel.open(pretrained, TinySavedModels.CONFIG).tokenizerJson(), MAX_LENGTH)) {
      multi = EncodedDataset.encode(data, tokenizer, LabelEncoder.of(names));
    }
    BertConfig head = TinySavedModels.CONFIG.toBuilder().labels(names)
        .problemType(Task.MULTI_LABEL).classifierPooling(ClassifierPooling.CLS).build();
    Path out = dir.resolve("model-multi");
    FrozenEncoderBaseline.fit(PretrainedModel.open(pretrained, head), multi, CONVERGED, 16, null, out, false);

    float[][] x = features(ClassifierPooling.CLS); // the same texts as the single-label data
    EncodedBatch all = multi.batch(IntStream.range(0, multi.size()).toArray(), 1).inputs();
    float[] probabilities;
    probabilities = savedProbabilities(out, all);
    for (int k = 0; k < names.size(); k++) {
      int[] present = new int[texts.size()];
      for (int i = 0; i < present.length; i++) {
        present[i] = texts.get(i).contains(names.get(k)) ? 1 : 0;
      }
      ScikitLearnLogistic reference = ScikitLearnLogistic.fit(x, present, CONVERGED.c(), CONVERGED.tolerance());
      for (int i = 0; i < present.length; i++) {
        double p = probabilities[i * names.size() + k];
        reference.assertMatches(i, new double[] {Math.log(1 - p), Math.log(p)}, 1e-3);
      }
    }
  }

  /** The features, computed from the encoder's pooled and sequence outputs. */
  private static float[][] features(ClassifierPooling pooling) {
    int width = TinySavedModels.CONFIG.hiddenSize();
    float[][] out = new float[train.size()][width];
    EncodedBatch batch = train.batch(IntStream.range(0, train.size()).toArray(), 1).inputs();
    try (InferenceModel encoder = InferenceModel.create(TinySavedModels.CONFIG)) {
      encoder.load(new ModelDirectory(pretrained).checkpoint(), 0);
      InferenceModel.Outputs o = encoder.run(batch);
      int seq = o.seqLength();
      for (int i = 0; i < out.length; i++) {
        int tokens = batch.length(i);
        for (int h = 0; h < width; h++) {
          double sum = 0;
          for (int t = 0; t < tokens; t++) {
            sum += o.sequence()[(i * seq + t) * width + h];
          }
          out[i][h] = switch (pooling) {
            case POOLER -> o.pooled()[i * width + h];
            case CLS -> o.sequence()[i * seq * width + h];
            case MEAN -> (float) (sum / tokens);
          };
        }
      }
    }
    return out;
  }

  private static int[] classes() {
    return ((BatchLabels.ClassIds) train.batch(IntStream.range(0, train.size()).toArray(), 1).labels()).ids();
  }

  private static double[] logs(float[] probabilities, int row, int k) {
    double[] out = new double[k];
    for (int c = 0; c < k; c++) {
      out[c] = Math.log(probabilities[row * k + c]);
    }
    return out;
  }

  /** The export's serving_default probabilities, run by TensorFlow from the SavedModel alone. */
  /** The probabilities of the model saved in {@code dir}, every weight read from it. */
  private static float[] savedProbabilities(Path dir, EncodedBatch batch) {
    ModelFiles files = ModelFiles.open(dir);
    try (InferenceModel model = InferenceModel.create(files.config())) {
      assertThat(model.load(files.checkpoint(), 0).newlyInitialized()).isEmpty();
      return model.run(batch).probabilities();
    }
  }

  private static float[] servingProbabilities(Path savedModel, EncodedBatch batch) {
    try (SavedModelBundle bundle = SavedModelBundle.load(savedModel.toString(), "serve");
        BatchTensors tensors = new BatchTensors(batch);
        Result result =
            bundle.function("serving_default").call(Map.<String, Tensor>of(
                "input_ids", tensors.inputIds(),
                "attention_mask", tensors.attentionMask(),
                "token_type_ids", tensors.tokenTypeIds()))) {
      return Floats.of((TFloat32) result.get("probabilities").orElseThrow());
    }
  }
}

package org.bertfit.cli;

import org.bertfit.models.testing.TinyModels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bertfit.datasets.Dataset;
import org.bertfit.datasets.EncodedDataset;
import org.bertfit.datasets.Task;
import org.bertfit.datasets.io.DatasetReader;
import org.bertfit.datasets.io.ReadOptions;
import org.bertfit.datasets.labels.LabelEncoder;
import org.bertfit.datasets.tokenize.EncodedBatch;
import org.bertfit.evaluation.TemperatureScaling;
import org.bertfit.inference.Classifier;
import org.bertfit.models.io.ModelDirectory;
import org.bertfit.models.export.ModelFiles;
import org.bertfit.models.io.SavedModelInfo;
import org.bertfit.models.testing.TinySavedModels;
import org.bertfit.training.Model;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** {@code bertfit calibrate} and {@code train --calibrate} on a tiny trained model, then its export. */
class CalibrateCommandTest {
  @TempDir static Path dir;
  static Path savedModel;
  static Path model;
  static Path validation;

  @BeforeAll
  static void trained() throws IOException {
    savedModel = TinySavedModels.export(dir.resolve("pretrained"), TinySavedModels.CONFIG, 3,
        TinySavedModels.writeVocab(dir.resolve("vocab.txt")), false);
    validation = data("val.txt", 64, 2);
    model = dir.resolve("model");
    CliRun run = CliRun.of("train", "--pretrained", savedModel.toString(),
        "--train", data("train.txt", 96, 1).toString(), "--validation", validation.toString(),
        "--epochs", "2", "--batch-size", "16", "--lr", "1e-3", "--max-length", "16",
        "--out", model.toString(), "--run-dir", dir.resolve("run").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  /** {@link KeywordTexts} in {@code dir/name}; one text in five has a random label. */
  private static Path data(String name, int n, long seed) throws IOException {
    return KeywordTexts.write(dir.resolve(name), n, seed, true);
  }

  @Test
  void fitsTheTemperatureOfTheModelsLogitsAndTheExportAppliesIt() throws IOException {
    Dataset val = DatasetReader.read(validation, ReadOptions.defaults());
    double expected;
    try (Model loaded = Model.load(model)) {
      LabelEncoder labels = LabelEncoder.of(loaded.config().labels());
      float[][] logits =
          loaded.predict(EncodedDataset.encode(val, loaded.tokenizer(16), labels), 16).logits();
      double[][] z = new double[logits.length][];
      int[] truth = new int[logits.length];
      for (int i = 0; i < logits.length; i++) {
        z[i] = new double[logits[i].length];
        for (int c = 0; c < z[i].length; c++) {
          z[i][c] = logits[i][c];
        }
        truth[i] = labels.id(val.get(i).labels().get(0));
      }
      expected = TemperatureScaling.fitSoftmax(z, truth);
    }

    CliRun run = CliRun.of("calibrate", "--model", model.toString(), "--data", validation.toString(),
        "--max-length", "16");
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(new ModelDirectory(model).config().temperatures()).singleElement()
        .satisfies(t -> assertThat(t).isCloseTo(expected, within(1e-9)));
    assertThat(expected).isNotCloseTo(1.0, within(1e-3));
    Matcher ece = Pattern.compile("validation ECE +(\\S+) -> (\\S+)").matcher(run.out());
    assertThat(ece.find()).as(run.out()).isTrue();
    assertThat(Double.parseDouble(ece.group(2))).isLessThanOrEqualTo(Double.parseDouble(ece.group(1)));

    Path base = dir.resolve("exported");
    assertThat(CliRun.of("export", "--model", model.toString(), "--out", base.toString()).exitCode()).isZero();
    List<String> texts = val.texts().subList(0, 8);
    ModelFiles files = ModelFiles.open(model);
    try (Classifier classifier = Classifier.open(files, 16)) {
      EncodedBatch batch = classifier.tokenizer().encodeBatch(texts, 16);
      float[] predicted = classifier.probabilities(batch);
      assertThat(servingProbabilities(base.resolve("1"), batch)).containsExactly(predicted, within(1e-5f));
    }
  }

  /** The {@code probabilities} output of the export's {@code serving_default} signature. */
  private static float[] servingProbabilities(Path export, EncodedBatch batch) {
    SavedModelInfo.SignatureInfo signature =
        SavedModelInfo.read(export).metaGraphs().get(0).signatures().get("serving_default");
    Map<String, int[]> inputs = Map.of("input_ids", batch.inputIds(), "attention_mask", batch.attentionMask(),
        "token_type_ids", batch.tokenTypeIds());
    Shape shape = Shape.of(batch.batchSize(), batch.seqLength());
    List<TInt32> fed = new ArrayList<>();
    try (SavedModelBundle bundle = SavedModelBundle.load(export.toString(), "serve")) {
      Session.Runner runner = bundle.session().runner();
      for (SavedModelInfo.TensorSpec in : signature.inputs()) {
        TInt32 t = TInt32.tensorOf(shape, DataBuffers.of(inputs.get(in.key()), true, false));
        fed.add(t);
        runner.feed(in.tensorName(), t);
      }
      String out = signature.outputs().stream().filter(o -> o.key().equals("probabilities")).findFirst()
          .orElseThrow().tensorName();
      try (Result result = runner.fetch(out).run()) {
        TFloat32 p = (TFloat32) result.get(0);
        float[] values = new float[(int) p.size()];
        p.copyTo(DataBuffers.of(values, false, false));
        return values;
      }
    } finally {
      fed.forEach(TInt32::close);
    }
  }

  @Test
  void trainCalibrateSavesTheTemperatureFittedOnValidation() throws IOException {
    Path out = dir.resolve("calibrated");
    CliRun run = CliRun.of("train", "--pretrained", savedModel.toString(),
        "--train", dir.resolve("train.txt").toString(), "--validation", validation.toString(),
        "--epochs", "1", "--batch-size", "16", "--lr", "1e-3", "--max-length", "16", "--calibrate",
        "--out", out.toString(), "--run-dir", dir.resolve("run3").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).containsPattern("calibration on \\S+val.txt \\(64 examples\\): temperature \\[\\d")
        .containsPattern("validation Brier +\\d\\.\\d{4} -> \\d\\.\\d{4}");
    assertThat(new ModelDirectory(out).config().temperatures()).singleElement()
        .satisfies(t -> assertThat(t).isPositive().isNotEqualTo(1.0));
  }

  @Test
  void refusesTokenClassifiersAndTrainCalibrateNeedsValidation() throws IOException {
    Path tagger = TinyModels.write(dir.resolve("tagger"),
        TinyModels.config(Task.TOKEN_CLASSIFICATION, "O", "B-PER", "I-PER"), 1).dir();
    CliRun refused = CliRun.of("calibrate", "--model", tagger.toString(), "--data", validation.toString());
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("temperature scaling calibrates text classifiers", "token classifier");

    CliRun train = CliRun.of("train", "--pretrained", savedModel.toString(),
        "--train", validation.toString(), "--calibrate", "--out", dir.resolve("never").toString(),
        "--run-dir", dir.resolve("run2").toString());
    assertThat(train.exitCode()).isEqualTo(1);
    assertThat(train.err()).contains("--calibrate fits the temperature on the validation data: add --validation");
  }
}

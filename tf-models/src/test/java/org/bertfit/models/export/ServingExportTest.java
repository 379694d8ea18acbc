package org.bertfit.models.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bertfit.datasets.Task;
import org.bertfit.evaluation.Thresholds;
import org.bertfit.models.BertConfig;
import org.bertfit.models.graph.InferenceModel;
import org.bertfit.models.graph.TinyBert;
import org.bertfit.models.io.ModelDirectory;
import org.bertfit.models.io.PretrainedModel;
import org.bertfit.models.io.SavedModelInfo.SignatureInfo;
import org.bertfit.models.io.SavedModelInfo.TensorSpec;
import org.bertfit.models.io.SavedModelInfo;
import org.bertfit.models.testing.TinyModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** What an export declares (read back from saved_model.pb), where it goes, and what it refuses. */
class ServingExportTest {
  @TempDir Path dir;

  /** Problem type, labels, and the shapes of logits and labels in the signatures. */
  static Stream<Arguments> heads() {
    return Stream.of(
        Arguments.of(
            Task.SINGLE_LABEL, 3, new long[] {-1, 3}, new long[] {-1}),
        Arguments.of(
            Task.MULTI_LABEL, 4, new long[] {-1, 4}, new long[] {-1, 4}),
        Arguments.of(
            Task.TOKEN_CLASSIFICATION, 5, new long[] {-1, -1, 5}, new long[] {-1, -1}));
  }

  /** Strings in; the model's outputs, label names and the ids the graph made out. */
  private static void assertTextSignature(
      SignatureInfo text, long[] logitsShape, String... inputs) {
    assertThat(text.methodName()).isEqualTo("tensorflow/serving/predict");
    assertThat(text.inputs()).extracting(TensorSpec::key).containsExactly(inputs);
    assertThat(text.inputs())
        .allSatisfy(
            in -> {
              assertThat(in.dtype()).isEqualTo("DT_STRING");
              assertThat(in.shape()).containsExactly(-1);
            });
    assertThat(text.outputs())
        .extracting(TensorSpec::key, TensorSpec::dtype)
        .containsExactly(
            tuple("attention_mask", "DT_INT32"),
            tuple("input_ids", "DT_INT32"),
            tuple("labels", "DT_STRING"),
            tuple("logits", "DT_FLOAT"),
            tuple("probabilities", "DT_FLOAT"));
    assertThat(text.outputs().get(3).shape()).containsExactly(logitsShape);
    assertThat(text.outputs().get(2).shape()).containsExactly(-1);
  }

  @ParameterizedTest
  @MethodSource("heads")
  void metaGraphDeclaresBothSignatures(
      Task type, int labels, long[] logitsShape, long[] labelsShape) throws IOException {
    BertConfig config = TinyModels.config(type, names(labels));
    ModelDirectory model = TinyModels.write(dir.resolve("model"), config, 1);
    ExportedModel exported =
        ServingExport.export(model, dir.resolve("served"), ExportOptions.nextVersion());

    assertThat(exported.dir()).isEqualTo(dir.resolve("served/1"));
    assertThat(exported.version()).isEqualTo(1);
    SavedModelInfo info = SavedModelInfo.read(exported.dir());
    assertThat(info.metaGraphs())
        .singleElement()
        .satisfies(
            meta -> {
              assertThat(meta.tags()).containsExactly("serve");
              if (type == Task.TOKEN_CLASSIFICATION) {
                assertThat(meta.signatures()).containsOnlyKeys("serving_default", "classify");
              } else {
                assertThat(meta.signatures())
                    .containsOnlyKeys("serving_default", "classify", "text", "text_pair");
                assertTextSignature(meta.signatures().get("text"), logitsShape, "text");
                assertTextSignature(
                    meta.signatures().get("text_pair"), logitsShape, "text", "text_pair");
              }
              SignatureInfo predict = meta.signatures().get("serving_default");
              SignatureInfo classify = meta.signatures().get("classify");
              for (SignatureInfo sig : List.of(predict, classify)) {
                assertThat(sig.methodName()).isEqualTo("tensorflow/serving/predict");
                assertThat(sig.inputs())
                    .extracting(TensorSpec::key)
                    .containsExactly("attention_mask", "input_ids", "token_type_ids");
                assertThat(sig.inputs())
                    .allSatisfy(
                        in -> {
                          assertThat(in.dtype()).isEqualTo("DT_INT32");
                          assertThat(in.shape()).containsExactly(-1, -1);
                          assertThat(in.tensorName()).isEqualTo(in.key() + ":0");
                        });
              }
              assertThat(predict.outputs())
                  .extracting(TensorSpec::key)
                  .containsExactly("logits", "probabilities");
              assertThat(predict.outputs())
                  .allSatisfy(
                      out -> {
                        assertThat(out.dtype()).isEqualTo("DT_FLOAT");
                        assertThat(out.shape()).containsExactly(logitsShape);
                      });
              assertThat(classify.outputs())
                  .extracting(TensorSpec::key)
                  .containsExactly("labels", "scores");
              assertThat(classify.outputs().get(0).dtype()).isEqualTo("DT_INT32");
              assertThat(classify.outputs().get(0).shape()).containsExactly(labelsShape);
              TensorSpec scores = classify.outputs().get(1);
              TensorSpec probabilities = predict.outputs().get(1);
              assertThat(scores.tensorName()).isEqualTo(probabilities.tensorName());
              assertThat(scores.shape()).containsExactly(probabilities.shape());
            });
    assertThat(info.variables()).hasSize(5 + 2 * 16 + 2 + 2);
    assertThat(info.flaggedOps()).isEmpty();

    boolean multiLabel = type == Task.MULTI_LABEL;
    try (Stream<Path> assets = Files.list(exported.dir().resolve("assets"))) {
      assertThat(assets.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(
              multiLabel
                  ? List.of("config.json", "thresholds.json", "tokenizer.json")
                  : List.of("config.json", "tokenizer.json"));
    }
    assertThat(BertConfig.read(exported.dir().resolve("assets/config.json"))).isEqualTo(config);
    assertThat(exported.dir().resolve("assets/config.json"))
        .content()
        .contains("\"id2label\"", "\"LABEL_" + (labels - 1) + "\"");
    assertThat(exported.dir().resolve("assets/tokenizer.json"))
        .hasSameTextualContentAs(model.tokenizerJson());
    if (multiLabel) {
      Thresholds saved = Thresholds.load(exported.dir().resolve("assets/thresholds.json"));
      assertThat(saved.labels()).isEqualTo(config.labels());
      assertThat(saved.values()).containsOnly(0.5);
    }
  }

  private static String[] names(int n) {
    return BertConfig.builder().numLabels(n).build().labels().toArray(String[]::new);
  }

  @Test
  void anExportImportsBackWithTheSameOutputs() {
    BertConfig config =
        TinyModels.config(Task.SINGLE_LABEL, "neg", "neu", "pos");
    ModelDirectory model = TinyModels.write(dir.resolve("model"), config, 2);
    ExportedModel exported =
        ServingExport.export(model, dir.resolve("served"), ExportOptions.nextVersion());

    PretrainedModel reimported = PretrainedModel.open(exported.dir(), config);
    assertThat(reimported.kind()).isEqualTo(PretrainedModel.Kind.SAVED_MODEL);
    assertThat(reimported.config()).isEqualTo(config);
    try (InferenceModel original = InferenceModel.create(config);
        InferenceModel back = InferenceModel.create(reimported.config())) {
      original.load(model.checkpoint(), 0);
      assertThat(back.load(reimported.checkpoint(), 0).newlyInitialized()).isEmpty();
      assertThat(back.run(TinyBert.batch(3, 10, 10, 4)).probabilities())
          .containsExactly(original.run(TinyBert.batch(3, 10, 10, 4)).probabilities());
    }
  }

  @Test
  void aLiveModelExportsOnceAVersionWithItsThresholds() throws IOException {
    BertConfig config = TinyModels.config(Task.MULTI_LABEL, "a", "b", "c");
    Path base = dir.resolve("served");
    try (InferenceModel model = InferenceModel.create(config).initialize(5)) {
      Thresholds tuned = new Thresholds(List.of("c", "a", "b"), new double[] {0.2, 0.4, 0.6});
      ExportedModel first =
          ServingExport.export(
              model, "{\"tokenizer\": 1}", tuned, base, ExportOptions.nextVersion());
      ExportedModel second =
          ServingExport.export(
              model, "{\"tokenizer\": 2}", null, base, ExportOptions.nextVersion());

      assertThat(first.dir()).isEqualTo(base.resolve("1"));
      assertThat(second.dir()).isEqualTo(base.resolve("2"));
      assertThat(first.dir().resolve("assets/tokenizer.json")).hasContent("{\"tokenizer\": 1}");
      assertThat(Thresholds.load(first.dir().resolve("assets/thresholds.json")).values())
          .containsExactly(0.4, 0.6, 0.2);
      assertThat(Thresholds.load(second.dir().resolve("assets/thresholds.json")).values())
          .containsExactly(0.5, 0.5, 0.5);
      // probabilities 0.45, 0.55, 0.3 against thresholds 0.4, 0.6, 0.2, then against 0.5 each
      assertThat(classifyLabels(first)).containsExactly(1, 0, 1);
      assertThat(classifyLabels(second)).containsExactly(0, 1, 0);
    }
  }

  /**
   * The labels {@code classify} gives for one text whose probabilities are 0.45, 0.55 and 0.3: the
   * export is loaded and its logits tensor fed the logits of those probabilities.
   */
  private static int[] classifyLabels(ExportedModel exported) {
    SavedModelInfo.MetaGraph meta = exported.info().metaGraphs().get(0);
    String logits = meta.signatures().get("serving_default").outputs().get(0).tensorName();
    String labels = meta.signatures().get("classify").outputs().get(0).tensorName();
    float[][] values = {{logit(0.45), logit(0.55), logit(0.3)}};
    try (SavedModelBundle bundle = SavedModelBundle.load(exported.dir().toString(), "serve");
        TFloat32 fed = TFloat32.tensorOf(StdArrays.ndCopyOf(values));
        Result result = bundle.session().runner().feed(logits, fed).fetch(labels).run()) {
      return StdArrays.array2dCopyOf((TInt32) result.get(0))[0];
    }
  }

  private static float logit(double p) {
    return (float) Math.log(p / (1 - p));
  }

  @Test
  void versionsAreNumberedAndNeverOverwrittenWithoutForce() throws IOException {
    ModelDirectory model =
        TinyModels.write(
            dir.resolve("model"),
            TinyModels.config(Task.SINGLE_LABEL, "a", "b"),
            3);
    Path base = dir.resolve("served");
    Files.createDirectories(base.resolve("7"));
    Files.createDirectories(base.resolve("notes"));
    Files.createDirectories(base.resolve(".9.tmp-0000"));

    assertThat(ServingExport.export(model, base, ExportOptions.nextVersion()).version())
        .isEqualTo(8);
    assertThat(ServingExport.export(model, base, ExportOptions.version(3)).dir())
        .isEqualTo(base.resolve("3"));
    assertThat(ServingExport.export(model, base, ExportOptions.nextVersion()).version())
        .isEqualTo(9);
    assertThat(base.resolve(".9.tmp-0000")).doesNotExist(); // left by a killed export of 9: cleaned

    Files.writeString(base.resolve("3/marker"), "old");
    assertThatThrownBy(() -> ServingExport.export(model, base, ExportOptions.version(3)))
        .hasMessage(
            "cannot write "
                + base.resolve("3")
                + ": "
                + base.resolve("3")
                + " exists (use --force to replace it)");
    assertThat(base.resolve("3/marker")).exists();
    ServingExport.export(model, base, ExportOptions.version(3).withForce(true));
    assertThat(base.resolve("3/marker")).doesNotExist();
    assertThat(base.resolve("3/saved_model.pb")).isNotEmptyFile();
    try (Stream<Path> children = Files.list(base)) {
      assertThat(children.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("3", "7", "8", "9", "notes");
    }
    assertThatThrownBy(() -> ExportOptions.version(0))
        .hasMessage("version must be at least 1, got 0");
  }

  @Test
  void thresholdsAreCheckedAgainstTheModelsLabels() throws IOException {
    BertConfig config =
        TinyModels.config(Task.MULTI_LABEL, "anger", "fear", "joy");
    ModelDirectory model = TinyModels.write(dir.resolve("model"), config, 4);
    Path file = model.dir().resolve("thresholds.json");
    Path base = dir.resolve("served");

    writeThresholds(file, List.of("joy", "anger", "fear"), 0.7, 0.25, 0.5);
    ExportedModel exported = ServingExport.export(model, base, ExportOptions.nextVersion());
    Thresholds saved = Thresholds.load(exported.dir().resolve("assets/thresholds.json"));
    assertThat(saved.labels()).containsExactly("anger", "fear", "joy");
    assertThat(saved.values()).containsExactly(0.25, 0.5, 0.7);

    writeThresholds(file, List.of("anger", "fear", "joyy"), 0.5, 0.5, 0.5);
    assertThatThrownBy(() -> ServingExport.export(model, base, ExportOptions.nextVersion()))
        .hasMessage(file + ": unknown label 'joyy'; model labels: anger, fear, joy");
    writeThresholds(file, List.of("anger", "joy"), 0.5, 0.5);
    assertThatThrownBy(() -> ServingExport.export(model, base, ExportOptions.nextVersion()))
        .hasMessage(file + ": no threshold for label 'fear'");
    writeThresholds(file, List.of("anger", "fear", "joy"), 0.5, 1.5, 0.5);
    assertThatThrownBy(() -> ServingExport.export(model, base, ExportOptions.nextVersion()))
        .hasMessage(file + ": threshold of 'fear' must be in [0, 1], got 1.5");
    Files.writeString(file, "{\"thresholds\": {\"anger\": 0.5}}");
    assertThatThrownBy(() -> ServingExport.export(model, base, ExportOptions.nextVersion()))
        .hasMessageStartingWith(file + ": not a thresholds file: ");

    ModelDirectory single =
        TinyModels.write(
            dir.resolve("single"),
            TinyModels.config(Task.SINGLE_LABEL, "a", "b"),
            4);
    writeThresholds(single.dir().resolve("thresholds.json"), List.of("a", "b"), 0.5, 0.5);
    assertThatThrownBy(() -> ServingExport.export(single, base, ExportOptions.nextVersion()))
        .hasMessage(
            single.dir().resolve("thresholds.json")
                + ": thresholds apply to multi_label_classification models; this one is"
                + " single_label_classification");
    try (Stream<Path> children = Files.list(base)) {
      assertThat(children).containsExactly(base.resolve("1")); // failed exports leave nothing
    }
  }

  @Test
  void thresholdsBecomeTheSmallestFloatNotBelowThem() {
    double[] values = {0.3, 0.1, 0.5, 1.0 / 3};
    float[] floats = LabelThresholds.floats(new Thresholds(List.of("a", "b", "c", "d"), values));
    for (int i = 0; i < values.length; i++) {
      assertThat((double) floats[i]).isGreaterThanOrEqualTo(values[i]);
      assertThat((double) Math.nextDown(floats[i])).isLessThan(values[i]);
    }
  }

  private static void writeThresholds(Path file, List<String> labels, double... values)
      throws IOException {
    Files.writeString(file, new Thresholds(labels, values).toJson());
  }
}

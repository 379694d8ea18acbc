package org.bertfit.models.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bertfit.datasets.Task;
import org.bertfit.datasets.tokenize.BertTokenizer;
import org.bertfit.datasets.tokenize.EncodedBatch;
import org.bertfit.models.BertConfig;
import org.bertfit.models.ModelType;
import org.bertfit.models.checkpoint.ImportReport;
import org.bertfit.models.graph.InferenceModel;
import org.bertfit.models.hub.HubNames;
import org.bertfit.models.safetensors.FloatTensor;
import org.bertfit.models.safetensors.SafetensorsCheckpoint;
import org.bertfit.models.safetensors.SafetensorsWriter;
import org.bertfit.models.testing.TinyModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A bertfit model exported in the Hub's layout imports back to the same model, for every type and head. */
class HubExportTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "BERT, SINGLE_LABEL", "BERT, TOKEN_CLASSIFICATION",
    "ROBERTA, MULTI_LABEL", "XLM_ROBERTA, TOKEN_CLASSIFICATION",
    "DISTILBERT, SINGLE_LABEL", "DISTILBERT, TOKEN_CLASSIFICATION",
  })
  void exportedModelsImportBackExactly(ModelType type, Task problem) {
    BertConfig config = TinyModels.config(problem, "neg", "neu", "pos").toBuilder().modelType(type).build();
    ModelDirectory source = TinyModels.write(dir.resolve("bertfit"), config, 5);
    Path hub = dir.resolve("hub");
    HubExport.write(source, hub, false);
    assertThat(hub.resolve("model.safetensors")).isRegularFile();
    assertThat(SafetensorsCheckpoint.open(hub).tensors().keySet())
        .allMatch(name -> name.startsWith(HubNames.prefix(type)) || name.contains("classifier"));

    PretrainedModel imported = PretrainedModel.open(hub, null);
    assertThat(imported.config().modelType()).isEqualTo(type);
    assertThat(imported.config().problemType()).isEqualTo(problem);
    assertThat(imported.config().labels()).containsExactly("neg", "neu", "pos");
    try (BertTokenizer tokenizer = BertTokenizer.fromJson(imported.tokenizerJson(), 32);
        InferenceModel original = InferenceModel.create(source.config());
        InferenceModel roundTrip = InferenceModel.create(imported.config())) {
      original.load(source.checkpoint(), 0);
      ImportReport report = roundTrip.load(imported.checkpoint(), 0);
      assertThat(report.newlyInitialized()).isEmpty();
      assertThat(report.unused()).isEmpty();
      EncodedBatch batch = EncodedBatch.padToLongest(tokenizer.encodeAll(TinyModels.texts(5, 3)), tokenizer.padId());
      assertThat(roundTrip.run(batch).logits()).containsExactly(original.run(batch).logits());
    }
  }

  @Test
  void theCalibrationTemperatureIsLeftOut() {
    BertConfig config =
        TinyModels.config(Task.SINGLE_LABEL, "a", "b").toBuilder().temperatures(List.of(1.5)).build();
    ModelDirectory source = TinyModels.write(dir.resolve("bertfit"), config, 5);
    assertThat(source.configJson()).content().contains("\"temperature\" : 1.5");
    HubExport.write(source, dir.resolve("hub"), false);
    assertThat(dir.resolve("hub").resolve(ModelDirectory.CONFIG)).content().doesNotContain("temperature");
  }

  @Test
  void encoderTensorsOfAnotherShapeAreAnErrorNamingBothShapes() {
    BertConfig config = TinyModels.config(Task.SINGLE_LABEL, "a", "b");
    ModelDirectory source = TinyModels.write(dir.resolve("bertfit"), config, 5);
    Path hub = dir.resolve("hub");
    HubExport.write(source, hub, false);
    Map<String, FloatTensor> tensors = new LinkedHashMap<>();
    SafetensorsCheckpoint written = SafetensorsCheckpoint.open(hub);
    written.tensors().keySet().forEach(name -> tensors.put(name, written.read(name)));
    FloatTensor query = tensors.get("bert.encoder.layer.0.attention.self.query.weight");
    tensors.put(
        "bert.encoder.layer.0.attention.self.query.weight",
        new FloatTensor(new long[] {query.shape()[0] / 2, query.shape()[1] * 2}, query.values()));
    SafetensorsWriter.write(hub.resolve("model.safetensors"), tensors);

    PretrainedModel imported = PretrainedModel.open(hub, null);
    try (InferenceModel model = InferenceModel.create(imported.config())) {
      assertThatThrownBy(() -> model.load(imported.checkpoint(), 0))
          .hasMessageContaining(hub.resolve("model.safetensors").toString())
          .hasMessageContaining(
              "bert/encoder/layer_0/attention/self/query/kernel: the model expects shape [128, 128] but"
                  + " checkpoint variable bert.encoder.layer.0.attention.self.query.weight has shape [64, 256]"
                  + " ([256, 64] transposed)");
    }
  }
}

package org.bertfit.models.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.StreamSupport;
import org.bertfit.datasets.tokenize.EncodedBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ONNX Runtime on the tiny graphs PyTorch exported, against PyTorch's own outputs. */
class OnnxReferenceModelTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Path fixture(String name) throws URISyntaxException {
    return Path.of(OnnxReferenceModelTest.class.getResource("/org/bertfit/models/onnx/" + name).toURI());
  }

  @ParameterizedTest
  @ValueSource(strings = {"tiny-bert-gelu", "tiny-bert-gelu-new"})
  void runsTheGraphAsPyTorchDid(String name) throws Exception {
    JsonNode expected = JSON.readTree(fixture(name + "-outputs.json").toFile());
    int[] ids = ints(expected.get("input_ids"));
    int rows = expected.get("input_ids").size();
    EncodedBatch batch =
        new EncodedBatch(rows, ids.length / rows, ids, ints(expected.get("attention_mask")),
            ints(expected.get("token_type_ids")));
    try (OnnxReferenceModel model = OnnxReferenceModel.load(fixture(name + ".onnx"))) {
      assertThat(model.seqLength()).isEqualTo(-1);
      ReferenceModel.Outputs outputs = model.run(batch);
      assertClose(outputs.sequence(), expected.get("last_hidden_state"));
      if (expected.has("pooler_output")) {
        assertClose(outputs.pooled(), expected.get("pooler_output"));
      } else {
        assertThat(outputs.pooled()).isNull();
      }
    }
  }

  @Test
  void aFileThatIsNotOnnxIsAnErrorNamingIt(@TempDir Path dir) throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.onnx"), "not a model");
    assertThatThrownBy(() -> OnnxReferenceModel.load(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("ONNX Runtime cannot load " + bad);
  }

  private static int[] ints(JsonNode rows) {
    return StreamSupport.stream(rows.spliterator(), false)
        .flatMap(r -> StreamSupport.stream(r.spliterator(), false))
        .mapToInt(JsonNode::asInt)
        .toArray();
  }

  private static void assertClose(float[] actual, JsonNode expected) {
    assertThat(actual).hasSize(expected.size());
    for (int i = 0; i < actual.length; i++) {
      assertThat((double) actual[i]).as("element %d", i).isCloseTo(expected.get(i).asDouble(), within(1e-5));
    }
  }
}

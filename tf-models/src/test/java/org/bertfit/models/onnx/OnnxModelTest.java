package org.bertfit.models.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wire-format reader on messages written field by field (onnx.proto's numbers, both encodings of
 * repeated numbers), and on damaged files.
 */
class OnnxModelTest {
  @TempDir Path dir;

  private interface Body {
    void write(CodedOutputStream out) throws IOException;
  }

  private static ByteString message(Body body) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    body.write(out);
    out.flush();
    return ByteString.copyFrom(bytes.toByteArray());
  }

  /** A model with a packed float_data initializer, an unpacked int64_data one, and a Constant node. */
  private static byte[] model() throws IOException {
    ByteString packedFloats =
        message(t -> {
          t.writeInt64(1, 2);
          t.writeInt64(1, 3);
          t.writeInt32(2, OnnxTensor.FLOAT);
          t.writeTag(4, 2);
          t.writeUInt32NoTag(6 * 4);
          for (float v : new float[] {1, 2, 3, 4, 5, 6.5f}) {
            t.writeFloatNoTag(v);
          }
          t.writeString(8, "encoder.weight");
        });
    ByteString unpackedLongs =
        message(t -> {
          t.writeTag(1, 2); // packed dims
          t.writeUInt32NoTag(1);
          t.writeInt64NoTag(2);
          t.writeInt32(2, OnnxTensor.INT64);
          t.writeInt64(7, -5);
          t.writeInt64(7, 1L << 40);
          t.writeString(8, "ids");
        });
    ByteString epsilon =
        message(t -> {
          t.writeInt32(2, OnnxTensor.FLOAT);
          t.writeBytes(9, ByteString.copyFrom(
              ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(1e-5f).array()));
        });
    ByteString node =
        message(n -> {
          n.writeString(2, "eps_out");
          n.writeString(3, "/LayerNorm/Constant");
          n.writeString(4, "Constant");
          n.writeBytes(5, message(a -> {
            a.writeString(1, "value");
            a.writeBytes(5, epsilon);
          }));
          n.writeBytes(5, message(a -> {
            a.writeString(1, "axis");
            a.writeInt64(3, 1);
          }));
        });
    ByteString graph =
        message(g -> {
          g.writeBytes(1, node);
          g.writeString(2, "main");
          g.writeBytes(5, packedFloats);
          g.writeBytes(5, unpackedLongs);
          g.writeBytes(11, message(v -> v.writeString(1, "input_ids")));
          g.writeBytes(12, message(v -> v.writeString(1, "last_hidden_state")));
        });
    return message(m -> {
          m.writeInt64(1, 8);
          m.writeString(2, "pytorch");
          m.writeString(3, "2.0.1");
          m.writeBytes(8, message(o -> o.writeInt64(2, 11)));
          m.writeBytes(8, message(o -> {
            o.writeString(1, "com.microsoft");
            o.writeInt64(2, 1);
          }));
          m.writeBytes(7, graph);
        })
        .toByteArray();
  }

  @Test
  void readsInitializersNodesAndTheDefaultOpset() throws IOException {
    OnnxModel model = OnnxModel.parse(model(), "m.onnx");
    assertThat(model.opset()).isEqualTo(11);
    assertThat(model.producer()).isEqualTo("pytorch 2.0.1");
    assertThat(model.inputs()).containsExactly("input_ids");
    assertThat(model.outputs()).containsExactly("last_hidden_state");
    OnnxTensor weight = model.initializers().get("encoder.weight");
    assertThat(weight.dims()).containsExactly(2, 3);
    assertThat(weight.floats()).containsExactly(1, 2, 3, 4, 5, 6.5f);
    OnnxTensor ids = model.initializers().get("ids");
    assertThat(ids.dims()).containsExactly(2);
    assertThat(ids.numbers()).containsExactly(-5, Math.pow(2, 40));
    OnnxNode constant = model.nodes().get(0);
    assertThat(constant.name()).isEqualTo("/LayerNorm/Constant");
    assertThat(constant.outputs()).containsExactly("eps_out");
    assertThat(constant.tensorAttributes()).containsOnlyKeys("value");
    assertThat(constant.tensorAttributes().get("value").numbers()[0]).isEqualTo((double) 1e-5f);
    assertThat(model.consumers("eps_out")).isEmpty();
  }

  @Test
  void aTruncatedFileIsAnErrorNamingIt() throws IOException {
    byte[] bytes = Files.readAllBytes(OnnxFixtures.tiny("tiny-bert-gelu.onnx"));
    Path cut = dir.resolve("cut.onnx");
    Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> OnnxModel.read(cut))
        .isInstanceOf(OnnxException.class)
        .hasMessageStartingWith(cut + ": not a valid ONNX model");
  }

  @Test
  void aTensorWhoseDataDoesNotFitItsShapeIsAnError() throws IOException {
    byte[] bytes =
        message(m -> m.writeBytes(7, message(g -> g.writeBytes(5, message(t -> {
          t.writeInt64(1, 4);
          t.writeInt32(2, OnnxTensor.FLOAT);
          t.writeString(8, "short");
          t.writeBytes(9, ByteString.copyFrom(new byte[12]));
        }))))).toByteArray();
    assertThatThrownBy(() -> OnnxModel.parse(bytes, "s.onnx"))
        .isInstanceOf(OnnxException.class)
        .hasMessage("s.onnx: tensor 'short' of shape [4] needs 16 bytes but holds 12: the file is corrupt");
  }

  @Test
  void externalDataIsRefusedByName() throws IOException {
    byte[] bytes =
        message(m -> m.writeBytes(7, message(g -> g.writeBytes(5, message(t -> {
          t.writeString(8, "big");
          t.writeEnum(14, 1);
        }))))).toByteArray();
    assertThatThrownBy(() -> OnnxModel.parse(bytes, "x.onnx"))
        .isInstanceOf(OnnxException.class)
        .hasMessageContaining("x.onnx: tensor 'big' keeps its data in an external file");
  }

  @Test
  void aFileWithoutAGraphIsNotAModel() {
    assertThatThrownBy(() -> OnnxModel.parse(new byte[0], "empty.onnx"))
        .isInstanceOf(OnnxException.class)
        .hasMessage("empty.onnx: not an ONNX model: no graph");
  }
}

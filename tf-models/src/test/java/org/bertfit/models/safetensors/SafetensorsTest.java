package org.bertfit.models.safetensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.bertfit.models.PythonReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {
  /** Reads a safetensors file with Python's struct and json only, printing {name: {shape, values}}. */
  private static final String PY_READ =
      """
      import json, struct, sys
      f = open(sys.argv[1], 'rb'); n = struct.unpack('<Q', f.read(8))[0]
      header = json.loads(f.read(n)); data = f.read(); out = {}
      for name, info in header.items():
          if name == '__metadata__':
              out[name] = info; continue
          b, e = info['data_offsets']
          out[name] = {'dtype': info['dtype'], 'shape': info['shape'],
                       'values': list(struct.unpack('<%df' % ((e - b) // 4), data[b:e]))}
      print(json.dumps(out))
      """;

  /** Writes every float16 bit pattern (F16 [256, 256]) with Python; prints their values as Python reads them. */
  private static final String PY_WRITE_F16 =
      """
      import json, math, struct, sys
      raw = b''.join(struct.pack('<H', i) for i in range(65536))
      h = json.dumps({'all': {'dtype': 'F16', 'shape': [256, 256], 'data_offsets': [0, len(raw)]}}).encode()
      open(sys.argv[1], 'wb').write(struct.pack('<Q', len(h)) + h + raw)
      vals = [struct.unpack('<e', struct.pack('<H', i))[0] for i in range(65536)]
      print(json.dumps([None if math.isnan(v) else ('inf' if v == math.inf else '-inf' if v == -math.inf else v) for v in vals]))
      """;

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void writtenFilesReadBackAndReadInPythonAsWritten() throws IOException {
    Random random = new Random(7);
    Map<String, FloatTensor> tensors = new LinkedHashMap<>();
    tensors.put("bert.encoder.layer.0.attention.self.query.weight", random(random, 3, 5));
    tensors.put("classifier.bias", random(random, 3));
    tensors.put("a.scalar", new FloatTensor(new long[0], new float[] {4.5f}));
    Path file = dir.resolve("model.safetensors");
    SafetensorsWriter.write(file, tensors);

    SafetensorsCheckpoint read = SafetensorsCheckpoint.open(dir);
    assertThat(read.tensors().keySet()).containsExactlyInAnyOrderElementsOf(tensors.keySet());
    tensors.forEach((name, t) -> assertThat(read.read(name)).isEqualTo(t));

    JsonNode python = JSON.readTree(PythonReference.run(PY_READ, file.toString()));
    assertThat(python.get("__metadata__").get("format").asText()).isEqualTo("pt");
    for (Map.Entry<String, FloatTensor> e : tensors.entrySet()) {
      JsonNode t = python.get(e.getKey());
      assertThat(t.get("dtype").asText()).isEqualTo("F32");
      assertThat(JSON.convertValue(t.get("shape"), long[].class)).isEqualTo(e.getValue().shape());
      assertThat(JSON.convertValue(t.get("values"), float[].class)).isEqualTo(e.getValue().values());
    }
    long headerLength =
        ByteBuffer.wrap(Files.readAllBytes(file), 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    assertThat(headerLength % 8).isZero();
    try (var listing = Files.list(dir)) {
      assertThat(listing).containsExactly(file);
    }
  }

  @Test
  void everyFloat16ValueConvertsAsPythonConvertsIt() throws IOException {
    Path file = dir.resolve("f16.safetensors");
    JsonNode expected = JSON.readTree(PythonReference.run(PY_WRITE_F16, file.toString()));
    FloatTensor all = SafetensorsFile.open(file).read("all");
    assertThat(all.shape()).containsExactly(256, 256);
    for (int i = 0; i < 65536; i++) {
      JsonNode e = expected.get(i);
      float want =
          e.isNull() ? Float.NaN : e.isTextual() ? Float.parseFloat(e.asText().replace("inf", "Infinity")) : (float) e.asDouble();
      assertThat(Float.valueOf(all.values()[i])).as("bits 0x%04x", i).isEqualTo(Float.valueOf(want));
    }
  }

  @Test
  void bfloat16AndFloat64ConvertToFloat32() throws IOException {
    short[] bf16 = {0x3f80, (short) 0xc049, 0x0001, 0x7f80, 0x0000};
    ByteBuffer b = ByteBuffer.allocate(10 + 16).order(ByteOrder.LITTLE_ENDIAN);
    for (short s : bf16) {
      b.putShort(s);
    }
    b.putDouble(0.1).putDouble(-1e300);
    Path file =
        raw(
            "{\"b\":{\"dtype\":\"BF16\",\"shape\":[5],\"data_offsets\":[0,10]},"
                + "\"d\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[10,26]}}",
            b.array());
    SafetensorsFile read = SafetensorsFile.open(file);
    assertThat(read.read("b").values())
        .containsExactly(1.0f, -3.140625f, Float.MIN_VALUE * (1 << 16), Float.POSITIVE_INFINITY, 0f);
    assertThat(read.read("d").values()).containsExactly(0.1f, Float.NEGATIVE_INFINITY);
  }

  @Test
  void shardedCheckpointsReadThroughTheirIndex() throws IOException {
    FloatTensor a = new FloatTensor(new long[] {2}, new float[] {1, 2});
    FloatTensor b = new FloatTensor(new long[] {1, 2}, new float[] {3, 4});
    SafetensorsWriter.write(dir.resolve("model-00001-of-00002.safetensors"), Map.of("a", a));
    SafetensorsWriter.write(dir.resolve("model-00002-of-00002.safetensors"), Map.of("b", b));
    Files.writeString(
        dir.resolve(SafetensorsCheckpoint.INDEX_NAME),
        "{\"metadata\":{\"total_size\":16},\"weight_map\":{\"a\":\"model-00001-of-00002.safetensors\","
            + "\"b\":\"model-00002-of-00002.safetensors\"}}");
    SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(dir);
    assertThat(checkpoint.tensors()).containsOnlyKeys("a", "b");
    assertThat(checkpoint.tensors().get("b").shape()).containsExactly(1, 2);
    assertThat(checkpoint.read("a")).isEqualTo(a);
    assertThat(checkpoint.read("b")).isEqualTo(b);

    Files.delete(dir.resolve("model-00002-of-00002.safetensors"));
    assertThatThrownBy(() -> SafetensorsCheckpoint.open(dir))
        .hasMessageContaining(SafetensorsCheckpoint.INDEX_NAME)
        .hasMessageContaining("puts b in model-00002-of-00002.safetensors, which is missing");
  }

  @Test
  void badFilesAreRejectedNamingFileTensorAndProblem() throws IOException {
    Path truncated = raw("{\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", new byte[12]);
    assertThatThrownBy(() -> SafetensorsFile.open(truncated))
        .hasMessageContaining(truncated.toString())
        .hasMessageContaining("truncated: w ends at byte");
    Path mismatch = raw("{\"w\":{\"dtype\":\"F16\",\"shape\":[4],\"data_offsets\":[0,16]}}", new byte[16]);
    assertThatThrownBy(() -> SafetensorsFile.open(mismatch))
        .hasMessageContaining("tensor 'w': data_offsets [0,16] span 16 bytes, but F16[4] needs 8");
    Path dtype = raw("{\"w\":{\"dtype\":\"F12\",\"shape\":[1],\"data_offsets\":[0,2]}}", new byte[2]);
    assertThatThrownBy(() -> SafetensorsFile.open(dtype)).hasMessageContaining("tensor 'w': unknown dtype 'F12'");
    Path notJson = raw("{\"w\":", new byte[0]);
    assertThatThrownBy(() -> SafetensorsFile.open(notJson)).hasMessageContaining("the header is not valid JSON");
    Path text = dir.resolve("config.json");
    Files.writeString(text, "{\"model_type\": \"bert\", \"hidden_size\": 768}");
    assertThatThrownBy(() -> SafetensorsFile.open(text)).hasMessageContaining("header length").hasMessageContaining("not a safetensors file?");
    Path ints = raw("{\"ids\":{\"dtype\":\"I64\",\"shape\":[1,2],\"data_offsets\":[0,16]}}", new byte[16]);
    SafetensorsFile intFile = SafetensorsFile.open(ints);
    assertThat(intFile.tensors().get("ids").dtype()).isEqualTo(SafetensorsDtype.I64);
    assertThatThrownBy(() -> intFile.read("ids")).hasMessageContaining("'ids' holds I64, not a floating-point type");
    assertThatThrownBy(() -> intFile.read("nope")).hasMessageContaining("no tensor 'nope'");
  }

  private Path raw(String header, byte[] data) throws IOException {
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(h.length).put(h).put(data);
    Path file = Files.createTempFile(dir, "t", ".safetensors");
    Files.write(file, b.array());
    return file;
  }

  private static FloatTensor random(Random random, long... shape) {
    float[] values = new float[Math.toIntExact(FloatTensor.elementCount(shape))];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return new FloatTensor(shape, values);
  }

  @Test
  void transposeSwapsRowsAndColumns() {
    FloatTensor t = new FloatTensor(new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6});
    assertThat(t.transpose()).isEqualTo(new FloatTensor(new long[] {3, 2}, new float[] {1, 4, 2, 5, 3, 6}));
    assertThat(Arrays.equals(t.transpose().transpose().values(), t.values())).isTrue();
  }
}

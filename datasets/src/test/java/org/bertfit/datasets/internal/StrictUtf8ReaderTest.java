package org.bertfit.datasets.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrictUtf8ReaderTest {

  /** Multi-byte characters across the 64 KiB buffer edges decode exactly; no line is flagged. */
  @Test
  void decodesAcrossBufferBoundaries() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      text.append("é😩ü line ").append(i).append(i % 7 == 0 ? "\r\n" : "\n");
    }
    List<String> lines = read(text.toString().getBytes(StandardCharsets.UTF_8), null);
    assertThat(lines).hasSize(20_000);
    assertThat(lines.get(19_999)).isEqualTo("é😩ü line 19999");
    assertThat(lines.get(7)).isEqualTo("é😩ü line 7");
    assertThat(String.join("\n", lines) + "\n").isEqualTo(text.toString().replace("\r\n", "\n"));
  }

  @Test
  void flagsExactlyTheLinesWithBadBytesAndDropsAByteOrderMark() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    bytes.write("ok\ncaf".getBytes(StandardCharsets.UTF_8));
    bytes.write(0xE9);
    bytes.write("\nfine\ncut ".getBytes(StandardCharsets.UTF_8));
    bytes.write(new byte[] {(byte) 0xF0, (byte) 0x9F});
    List<Long> invalid = new ArrayList<>();
    List<String> lines = read(bytes.toByteArray(), invalid);
    assertThat(lines).containsExactly("ok", "caf\uFFFD", "fine", "cut \uFFFD");
    assertThat(invalid).containsExactly(2L, 4L);
  }

  private static List<String> read(byte[] bytes, List<Long> invalid) throws IOException {
    List<String> lines = new ArrayList<>();
    try (LineReader reader =
        new LineReader(new StrictUtf8Reader(new ByteArrayInputStream(bytes)))) {
      for (String line; (line = reader.readLine()) != null; ) {
        lines.add(line);
        if (reader.invalidUtf8()) {
          invalid.add(reader.lineNumber());
        }
      }
    }
    return lines;
  }
}

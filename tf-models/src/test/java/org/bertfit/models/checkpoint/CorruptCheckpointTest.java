package org.bertfit.models.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged checkpoints give clear errors naming the file, never a crash or silent garbage. */
class CorruptCheckpointTest {
  @TempDir Path dir;
  private Path prefix;
  private Path data;
  private Path index;

  @BeforeEach
  void writeCheckpoint() {
    Map<String, CheckpointFixtures.Tensor> tensors = new LinkedHashMap<>();
    tensors.put("a", new CheckpointFixtures.Tensor(new float[] {1, 2, 3, 4, 5, 6}, new long[] {2, 3}));
    tensors.put("b", new CheckpointFixtures.Tensor(new float[] {7, 8}, new long[] {2}));
    prefix = dir.resolve("model");
    CheckpointFixtures.write(prefix, tensors, null);
    data = Path.of(prefix + ".data-00000-of-00001");
    index = Path.of(prefix + ".index");
  }

  @Test
  void readsAnIntactCheckpoint() {
    Checkpoint checkpoint = Checkpoint.open(prefix);
    assertThat(checkpoint.variables()).containsOnlyKeys("a", "b");
    assertThat(checkpoint.variables().get("a").shape()).containsExactly(2, 3);
    assertThat(checkpoint.readFloats("a")).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(checkpoint.readFloats("b")).containsExactly(7, 8);
  }

  @Test
  void missingIndex() throws IOException {
    Files.delete(index);
    assertThatThrownBy(() -> Checkpoint.open(prefix))
        .isInstanceOf(CheckpointException.class)
        .hasMessage("checkpoint index not found: " + index);
  }

  @Test
  void missingDataFile() throws IOException {
    Files.delete(data);
    assertThatThrownBy(() -> Checkpoint.open(prefix))
        .isInstanceOf(CheckpointException.class)
        .hasMessage("checkpoint data file missing: " + data);
  }

  @Test
  void truncatedDataFile() throws IOException {
    long size = Files.size(data);
    try (RandomAccessFile f = new RandomAccessFile(data.toFile(), "rw")) {
      f.setLength(size - 3);
    }
    assertThatThrownBy(() -> Checkpoint.open(prefix))
        .isInstanceOf(CheckpointException.class)
        .hasMessage(data + " is truncated: " + (size - 3) + " bytes, but the index needs " + size);
  }

  @Test
  void flippedByteInData() throws IOException {
    byte[] bytes = Files.readAllBytes(data);
    bytes[5] ^= 0x10;
    Files.write(data, bytes);
    Checkpoint checkpoint = Checkpoint.open(prefix);
    assertThatThrownBy(() -> checkpoint.readFloats("a"))
        .isInstanceOf(CheckpointException.class)
        .hasMessage(data + ": checksum mismatch for a: the checkpoint data is corrupt");
  }

  @Test
  void truncatedIndex() throws IOException {
    byte[] bytes = Files.readAllBytes(index);
    Files.write(index, java.util.Arrays.copyOf(bytes, bytes.length - 10));
    assertThatThrownBy(() -> Checkpoint.open(prefix))
        .isInstanceOf(CheckpointException.class)
        .hasMessage(index + ": corrupt checkpoint index: bad magic number: not a TensorFlow checkpoint index, or truncated");
  }

  @Test
  void flippedByteInIndex() throws IOException {
    byte[] bytes = Files.readAllBytes(index);
    bytes[3] ^= 0x01;
    Files.write(index, bytes);
    assertThatThrownBy(() -> Checkpoint.open(prefix))
        .isInstanceOf(CheckpointException.class)
        .hasMessageStartingWith(index + ": corrupt checkpoint index: checksum mismatch in block at offset 0");
  }

  @Test
  void notAnIndexAtAll() throws IOException {
    Files.writeString(index, "hello");
    assertThatThrownBy(() -> Checkpoint.open(prefix))
        .isInstanceOf(CheckpointException.class)
        .hasMessage(index + ": corrupt checkpoint index: file is 5 bytes, shorter than a table footer");
  }

  @Test
  void unknownTensor() {
    assertThatThrownBy(() -> Checkpoint.open(prefix).readFloats("c"))
        .isInstanceOf(CheckpointException.class)
        .hasMessage(prefix + ": no tensor 'c' in the checkpoint");
  }
}

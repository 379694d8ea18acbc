package org.bertfit.training.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32C;
import org.bertfit.training.internal.LoopState;
import org.bertfit.training.History;
import org.bertfit.training.LogEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.SessionLog;
import org.tensorflow.proto.Summary;

class TensorBoardTest {
  @TempDir Path dir;

  /** One scalar as TensorBoard shows it. */
  private record Point(long step, String tag, float value) {}

  /**
   * Reads a TFRecord file independently of the writer: each record's length and data are checked
   * against their masked CRC32C, computed here from the JDK's CRC32C.
   */
  private static List<Event> readEvents(Path file) throws Exception {
    ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    List<Event> events = new ArrayList<>();
    while (in.hasRemaining()) {
      byte[] length = new byte[8];
      in.get(length);
      assertThat(in.getInt()).as("length CRC").isEqualTo(maskedCrc32c(length));
      long size = ByteBuffer.wrap(length).order(ByteOrder.LITTLE_ENDIAN).getLong();
      byte[] data = new byte[Math.toIntExact(size)];
      in.get(data);
      assertThat(in.getInt()).as("data CRC").isEqualTo(maskedCrc32c(data));
      events.add(Event.parseFrom(data));
    }
    return events;
  }

  private static int maskedCrc32c(byte[] bytes) {
    CRC32C crc32c = new CRC32C();
    crc32c.update(bytes);
    int crc = (int) crc32c.getValue();
    return ((crc >>> 15) | (crc << 17)) + 0xa282ead8;
  }

  private static Event scalar(double wallTime, long step, String tag, float value) {
    return Event.newBuilder()
        .setWallTime(wallTime)
        .setStep(step)
        .setSummary(
            Summary.newBuilder()
                .addValue(Summary.Value.newBuilder().setTag(tag).setSimpleValue(value)))
        .build();
  }

  /**
   * The bytes that tensorboard_logger's test stores for these three events (TeamHG-Memex/
   * tensorboard_logger, tests/test_tensorboard_logger.py, test_serialization).
   */
  @Test
  void recordsAreFramedByteForByteAsTensorBoardLoggersStoredOnes() throws Exception {
    Path file = dir.resolve("events");
    TfRecords.append(
        file,
        Event.newBuilder()
            .setWallTime(256.5)
            .setFileVersion("brain.Event:2")
            .build()
            .toByteArray());
    TfRecords.append(file, scalar(256.5, 1, "v/1", 1.5f).toByteArray());
    TfRecords.append(file, scalar(256.5, 2, "v/22", 16.0f).toByteArray());
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    for (String hex :
        List.of(
            "1800000000000000a37f4b220900000000000870401a0d627261696e2e4576656e743a32bc98212b",
            "19000000000000008bf1082809000000000008704010012a0c0a0a0a03762f31150000c03f2cecc087",
            "1a00000000000000129bd82d09000000000008704010022a0d0a0b0a04762f323215000080418fa3b688")) {
      expected.writeBytes(HexFormat.of().parseHex(hex));
    }
    assertThat(Files.readAllBytes(file)).isEqualTo(expected.toByteArray());
  }

  @Test
  void theScalarsOfARealRunAreTheHistorys() throws Exception {
    TensorBoard tensorBoard = new TensorBoard(dir.resolve("tb"));
    double start = System.currentTimeMillis() / 1000.0;
    History history = TinyRun.fit(dir, tensorBoard);
    double end = System.currentTimeMillis() / 1000.0;

    try (var files = Files.list(dir.resolve("tb"))) {
      assertThat(files).containsExactly(tensorBoard.file());
    }
    assertThat(tensorBoard.file().getFileName().toString())
        .matches("events\\.out\\.tfevents\\.\\d{10}\\..+");
    List<Event> events = readEvents(tensorBoard.file());
    assertThat(events.get(0).getFileVersion()).isEqualTo("brain.Event:2");
    List<Point> written = new ArrayList<>();
    double wallTime = 0;
    for (Event event : events) {
      assertThat(event.getWallTime()).isBetween(Math.max(start, wallTime), end);
      wallTime = event.getWallTime();
      event
          .getSummary()
          .getValueList()
          .forEach(v -> written.add(new Point(event.getStep(), v.getTag(), v.getSimpleValue())));
    }
    List<Point> logged = new ArrayList<>();
    for (LogEntry entry : history.entries()) {
      entry
          .values()
          .forEach(
              (name, value) ->
                  logged.add(
                      new Point(
                          entry.step(),
                          entry.kind().equals("eval")
                              ? "eval/" + name.substring("eval_".length())
                              : "train/" + name,
                          value.floatValue())));
    }
    assertThat(written).containsExactlyInAnyOrderElementsOf(logged);
    assertThat(written)
        .extracting(Point::tag)
        .contains(
            "train/loss",
            "train/learning_rate",
            "train/grad_norm",
            "train/accuracy",
            "train/f1_macro",
            "eval/loss",
            "eval/accuracy",
            "eval/f1_macro");
  }

  @Test
  void eachRunWritesItsOwnFileAndAResumedOneStartsASessionAfterItsCheckpoint() throws Exception {
    TensorBoard tensorBoard = new TensorBoard(dir);
    tensorBoard.onTrainBegin(new LoopState());
    Path fresh = tensorBoard.file();
    LoopState resumed = new LoopState();
    resumed.globalStep = 5;
    tensorBoard.onTrainBegin(resumed);

    assertThat(tensorBoard.file()).isNotEqualTo(fresh);
    assertThat(readEvents(fresh))
        .extracting(Event::getFileVersion)
        .containsExactly("brain.Event:2");
    List<Event> events = readEvents(tensorBoard.file());
    assertThat(events).hasSize(2);
    assertThat(events.get(1).getSessionLog().getStatus()).isEqualTo(SessionLog.SessionStatus.START);
    assertThat(events.get(1).getStep()).isEqualTo(6);
  }
}

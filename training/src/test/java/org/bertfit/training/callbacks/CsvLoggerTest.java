package org.bertfit.training.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bertfit.training.internal.LoopState;
import org.bertfit.training.History;
import org.bertfit.training.LogEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLoggerTest {
  @TempDir Path dir;

  /** Records the entry in the state's log, then calls the logger, as {@code fit} does. */
  private static void log(CsvLogger logger, LoopState state, LogEntry entry) {
    state.globalStep = entry.step();
    state.logHistory.add(entry);
    if (entry.kind().equals("eval")) {
      logger.onEvaluate(state, entry.values());
    } else {
      logger.onLog(state, entry);
    }
  }

  private static LoopState state() {
    LoopState state = new LoopState();
    state.stepsPerEpoch = 2;
    return state;
  }

  @Test
  void rowsAreOnDiskAsTheyComeAndNewNamesWidenTheHeader() throws Exception {
    Path file = dir.resolve("logs/log.csv");
    CsvLogger logger = new CsvLogger(file);
    LoopState state = state();
    logger.onTrainBegin(state);
    log(logger, state, new LogEntry(1, 0.5, "train", Map.of("loss", 0.75, "f1_a,\"b\"", 0.5)));
    assertThat(Files.readString(file))
        .isEqualTo("step,epoch,kind,\"f1_a,\"\"b\"\"\",loss\r\n1,0.5,train,0.5,0.75\r\n");
    log(
        logger,
        state,
        new LogEntry(2, 1.0, "train", Map.of("loss", 0.5, "f1_a,\"b\"", Double.NaN)));
    log(logger, state, new LogEntry(2, 1.0, "eval", Map.of("eval_loss", 0.625)));
    assertThat(Files.readString(file))
        .isEqualTo(
            "step,epoch,kind,\"f1_a,\"\"b\"\"\",loss,eval_loss\r\n"
                + "1,0.5,train,0.5,0.75,\r\n"
                + "2,1.0,train,,0.5,\r\n"
                + "2,1.0,eval,,,0.625\r\n");
    assertThat(dir.resolve("logs")).isDirectoryNotContaining("glob:**/.log.csv.tmp-*");
  }

  @Test
  void aResumedRunKeepsTheCheckpointsRowsAndDropsTheLaterOnes() throws Exception {
    Path file = dir.resolve("log.csv");
    LoopState first = state();
    CsvLogger logger = new CsvLogger(file);
    logger.onTrainBegin(first);
    for (int step = 1; step <= 3; step++) {
      log(logger, first, new LogEntry(step, step / 2.0, "train", Map.of("loss", 1.0 / step)));
    }
    LoopState resumed = state(); // as restored from a checkpoint at step 2
    resumed.globalStep = 2;
    resumed.logHistory.addAll(first.logHistory.subList(0, 2));
    logger.onTrainBegin(resumed);
    assertThat(Files.readString(file))
        .isEqualTo("step,epoch,kind,loss\r\n1,0.5,train,1.0\r\n2,1.0,train,0.5\r\n");
    log(logger, resumed, new LogEntry(3, 1.5, "train", Map.of("loss", 0.25)));
    assertThat(Files.readString(file))
        .isEqualTo(
            "step,epoch,kind,loss\r\n1,0.5,train,1.0\r\n2,1.0,train,0.5\r\n3,1.5,train,0.25\r\n");
  }

  @Test
  void aFreshRunStartsTheFileAnew() throws Exception {
    Path file = dir.resolve("log.csv");
    Files.writeString(file, "an older run\n");
    new CsvLogger(file).onTrainBegin(state());
    assertThat(Files.readString(file)).isEqualTo("step,epoch,kind\r\n");
  }

  @Test
  void theRowsOfARealRunAreTheHistorys() throws Exception {
    Path file = dir.resolve("log.csv");
    History history = TinyRun.fit(dir, new CsvLogger(file));

    List<String> lines = Files.readAllLines(file);
    assertThat(lines.get(0))
        .isEqualTo(
            "step,epoch,kind,accuracy,f1_macro,grad_norm,learning_rate,loss,"
                + "eval_accuracy,eval_f1_macro,eval_loss");
    List<String> columns = List.of(lines.get(0).split(","));
    assertThat(lines).hasSize(1 + history.entries().size());
    assertThat(history.entries())
        .extracting(LogEntry::kind)
        .containsExactly("train", "train", "eval", "train", "train", "eval");
    for (int i = 0; i < history.entries().size(); i++) {
      LogEntry entry = history.entries().get(i);
      String[] row = lines.get(i + 1).split(",", -1);
      assertThat(Long.parseLong(row[0])).isEqualTo(entry.step());
      assertThat(Double.parseDouble(row[1])).isEqualTo(entry.epoch());
      assertThat(row[2]).isEqualTo(entry.kind());
      for (int c = 3; c < columns.size(); c++) {
        Double value = entry.values().get(columns.get(c));
        assertThat(row[c].isEmpty() ? null : Double.valueOf(row[c]))
            .as(columns.get(c))
            .isEqualTo(value);
      }
    }
  }
}

package org.bertfit.training.callbacks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.bertfit.training.Callback;
import org.bertfit.training.LogEntry;
import org.bertfit.training.TrainingState;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.SessionLog;
import org.tensorflow.proto.Summary;

/**
 * Writes TensorBoard event files ({@code tensorboard --logdir DIR}): at each logging step the
 * scalars {@code train/loss}, {@code train/learning_rate}, {@code train/grad_norm} and {@code
 * train/<metric>}, and after each validation run {@code eval/<metric>}, at the optimizer step. Each
 * {@code fit} writes a new file {@code events.out.tfevents.<seconds>.<hostname>} in the directory,
 * appending event by event, so that TensorBoard follows the run and a crash keeps it. A resumed run
 * first writes a session start at the step after its checkpoint, so that TensorBoard drops the
 * points that the interrupted run had logged past it.
 */
public final class TensorBoard implements Callback {
  private final Path logDir;
  private Path file;

  public TensorBoard(Path logDir) {
    this.logDir = Objects.requireNonNull(logDir, "logDir");
  }

  /** The event file of the current or last run, or null before the first. */
  public Path file() {
    return file;
  }

  @Override
  public void onTrainBegin(TrainingState state) {
    try {
      Files.createDirectories(logDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the TensorBoard log directory " + logDir, e);
    }
    file = newEventFile();
    write(event().setFileVersion("brain.Event:2"));
    if (state.globalStep() > 0) {
      write(
          event()
              .setStep(state.globalStep() + 1)
              .setSessionLog(SessionLog.newBuilder().setStatus(SessionLog.SessionStatus.START)));
    }
  }

  @Override
  public void onLog(TrainingState state, LogEntry entry) {
    write(scalars(entry.step(), entry.values(), "", "train/"));
  }

  @Override
  public void onEvaluate(TrainingState state, Map<String, Double> metrics) {
    write(scalars(state.globalStep(), metrics, "eval_", "eval/"));
  }

  /**
   * An event of the values, each tagged with its name, less {@code strip}, after {@code prefix}.
   */
  private static Event.Builder scalars(
      long step, Map<String, Double> values, String strip, String prefix) {
    Summary.Builder summary = Summary.newBuilder();
    values.forEach(
        (name, value) ->
            summary.addValue(
                Summary.Value.newBuilder()
                    .setTag(
                        prefix + (name.startsWith(strip) ? name.substring(strip.length()) : name))
                    .setSimpleValue(value.floatValue())));
    return event().setStep(step).setSummary(summary);
  }

  private static Event.Builder event() {
    return Event.newBuilder().setWallTime(System.currentTimeMillis() / 1000.0);
  }

  private Path newEventFile() {
    String name = "events.out.tfevents." + System.currentTimeMillis() / 1000 + "." + hostname();
    Path path = logDir.resolve(name);
    for (int i = 1; Files.exists(path); i++) {
      path = logDir.resolve(name + "." + i); // a second run within the same second
    }
    return path;
  }

  private static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  private void write(Event.Builder event) {
    try {
      TfRecords.append(file, event.build().toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the TensorBoard event file " + file, e);
    }
  }
}

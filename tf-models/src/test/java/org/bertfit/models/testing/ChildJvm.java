package org.bertfit.models.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a main class of the test class path in a fresh JVM, its output going to a log file. */
public final class ChildJvm {
  private ChildJvm() {}

  public static Process start(Path log, Class<?> main, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
    return builder.start();
  }

  /** Runs {@code main} to completion; throws with the child's output if it fails or times out. */
  public static void run(Path log, Duration timeout, Class<?> main, String... args)
      throws IOException, InterruptedException {
    Process child = start(log, main, args);
    try {
      if (!child.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError(
            main.getSimpleName() + " did not finish in " + timeout + ":\n" + Files.readString(log));
      }
      if (child.exitValue() != 0) {
        throw new AssertionError(
            main.getSimpleName()
                + " exited with "
                + child.exitValue()
                + ":\n"
                + Files.readString(log));
      }
    } finally {
      child.destroyForcibly();
    }
  }
}

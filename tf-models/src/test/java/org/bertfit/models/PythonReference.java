package org.bertfit.models;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code /usr/bin/python3} as an independent reference; tests skip with a message when absent. */
public final class PythonReference {
  /** The interpreter the references run with (Debian's, where python3-torch installs). */
  public static final Path PYTHON = Path.of("/usr/bin/python3");

  private PythonReference() {}

  /** Skips the calling test unless {@code /usr/bin/python3} can import {@code module}. */
  public static void assumeModule(String module) {
    assumeTrue(Files.isExecutable(PYTHON), PYTHON + " is not installed: test skipped");
    assumeTrue(
        exitCode(List.of(PYTHON.toString(), "-c", "import " + module)) == 0,
        "python module '" + module + "' is not installed for " + PYTHON + ": test skipped");
  }

  /** Runs {@code python3 -c script args...} and returns its standard output; fails on a non-zero exit. */
  public static String run(String script, String... args) {
    List<String> command = new ArrayList<>(List.of(PYTHON.toString(), "-c", script));
    command.addAll(List.of(args));
    return runCommand(command);
  }

  /** Runs {@code python3 file args...} and returns its standard output; fails on a non-zero exit. */
  public static String runFile(Path file, String... args) {
    List<String> command = new ArrayList<>(List.of(PYTHON.toString(), file.toString()));
    command.addAll(List.of(args));
    return runCommand(command);
  }

  private static String runCommand(List<String> command) {
    assumeTrue(Files.isExecutable(PYTHON), PYTHON + " is not installed: test skipped");
    try {
      Path err = Files.createTempFile("python", ".err");
      Process process =
          new ProcessBuilder(command).redirectError(err.toFile()).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IllegalStateException(
            "python failed: " + String.join(" ", command.subList(0, 2)) + "\n" + Files.readString(err));
      }
      Files.delete(err);
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + PYTHON + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running python", e);
    }
  }

  private static int exitCode(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}

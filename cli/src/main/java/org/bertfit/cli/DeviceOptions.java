package org.bertfit.cli;

import java.io.PrintWriter;
import org.bertfit.models.device.Device;
import org.bertfit.models.device.SessionOptions;
import picocli.CommandLine.Option;

/**
 * {@code --device} for the commands that run a model ({@code @Mixin}): the choice goes into the
 * session options, and the command states where it executes before it starts its work.
 */
public final class DeviceOptions {
  @Option(
      names = "--device",
      paramLabel = "cpu|gpu|gpu:N",
      description =
          "Where TensorFlow runs: cpu, gpu (the first GPU) or gpu:N; a GPU that TensorFlow cannot"
              + " see is an error saying why (default: a GPU when TensorFlow sees one, else the CPU)")
  String device = "auto";

  /**
   * {@code options} on the chosen device, after printing where the run executes to {@code out}.
   *
   * @throws IllegalStateException when a GPU is asked for and TensorFlow sees none, saying why
   */
  SessionOptions apply(SessionOptions options, PrintWriter out) {
    SessionOptions chosen = options.withDevice(Device.parse(device));
    out.println(chosen.deviceReport().line());
    out.flush();
    return chosen;
  }

  /** The default session options on the chosen device, announced on {@code out} as {@link #apply} does. */
  SessionOptions session(PrintWriter out) {
    return apply(SessionOptions.defaults(), out);
  }
}

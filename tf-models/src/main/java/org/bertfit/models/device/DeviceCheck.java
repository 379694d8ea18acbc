package org.bertfit.models.device;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;

/**
 * Holds a device choice to what TensorFlow sees: a GPU asked for and not seen is an error that
 * says why; the CUDA natives ({@code -Pgpu}) without a GPU run on the CPU with one warning per
 * JVM, not one per session.
 */
public final class DeviceCheck {
  /** The JVM's check, warning through the log. */
  public static final DeviceCheck SHARED = new DeviceCheck(LogManager.getLogger(DeviceCheck.class)::warn);

  private final Consumer<String> warnings;
  private final AtomicBoolean warned = new AtomicBoolean();

  /** A check that sends its warning to {@code warnings}. */
  public DeviceCheck(Consumer<String> warnings) {
    this.warnings = warnings;
  }

  /**
   * Checks {@code asked} against {@code report}.
   *
   * @throws IllegalStateException when a GPU is asked for and TensorFlow sees none, naming why
   */
  public void check(Device asked, DeviceReport report) {
    if (asked.requiresGpu() && !report.seesGpu()) {
      throw new IllegalStateException("device " + asked + " was asked for, but TensorFlow sees no GPU: "
          + report.noGpuReason() + ". Use --device cpu (or Device.CPU) to run on the CPU.");
    }
    if (asked.kind() == Device.Kind.AUTO && report.cudaBuild() && !report.seesGpu()
        && warned.compareAndSet(false, true)) {
      warnings.accept("these TensorFlow natives are the CUDA build (-Pgpu), but TensorFlow sees no GPU: "
          + report.noGpuReason() + ". Running on the CPU; --device gpu makes this an error.");
    }
  }
}

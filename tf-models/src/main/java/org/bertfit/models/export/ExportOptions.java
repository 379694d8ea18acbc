package org.bertfit.models.export;

import java.util.OptionalLong;

/**
 * Which version directory an export writes, and whether it may replace one.
 *
 * @param version the version number; empty for the next one (the highest existing + 1, or 1)
 * @param force whether an existing version directory is replaced
 */
public record ExportOptions(OptionalLong version, boolean force) {
  public ExportOptions {
    if (version.isPresent() && version.getAsLong() < 1) {
      throw new IllegalArgumentException("version must be at least 1, got " + version.getAsLong());
    }
  }

  /** The next version, never replacing anything. */
  public static ExportOptions nextVersion() {
    return new ExportOptions(OptionalLong.empty(), false);
  }

  /** Version {@code version}; an existing one is an error unless {@link #withForce} is set. */
  public static ExportOptions version(long version) {
    return new ExportOptions(OptionalLong.of(version), false);
  }

  public ExportOptions withForce(boolean force) {
    return new ExportOptions(version, force);
  }
}

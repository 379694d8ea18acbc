package org.bertfit.models.device;

import java.util.Locale;

/**
 * Where a session runs its ops: {@link #AUTO} (a GPU when TensorFlow sees one, else the CPU),
 * {@link #CPU}, any GPU ({@link #gpu()}) or GPU {@code N} ({@link #gpu(int)}). Asking for a GPU
 * that TensorFlow cannot see is an error, never a silent CPU run.
 *
 * @param kind auto, cpu or gpu
 * @param index the GPU's index as TensorFlow numbers them, or -1 for any
 */
public record Device(Kind kind, int index) {
  /** What was asked for. */
  public enum Kind {
    AUTO,
    CPU,
    GPU
  }

  /** TensorFlow's own choice: the first GPU it sees, else the CPU. */
  public static final Device AUTO = new Device(Kind.AUTO, -1);

  /** The CPU, even when TensorFlow sees GPUs. */
  public static final Device CPU = new Device(Kind.CPU, -1);

  public Device {
    if (index < -1 || (kind != Kind.GPU && index != -1)) {
      throw new IllegalArgumentException("device index (" + index + ") must be -1, or >= 0 for a GPU");
    }
  }

  /** The first GPU TensorFlow sees; an error if it sees none. */
  public static Device gpu() {
    return new Device(Kind.GPU, -1);
  }

  /** GPU {@code index}; an error if TensorFlow does not see it. */
  public static Device gpu(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("GPU index must be >= 0, got " + index);
    }
    return new Device(Kind.GPU, index);
  }

  /** Parses {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N} (case-insensitive). */
  public static Device parse(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    if (s.equals("auto")) {
      return AUTO;
    }
    if (s.equals("cpu")) {
      return CPU;
    }
    if (s.equals("gpu")) {
      return gpu();
    }
    if (s.startsWith("gpu:") && s.length() > 4 && s.substring(4).chars().allMatch(Character::isDigit)) {
      return gpu(Integer.parseInt(s.substring(4)));
    }
    throw new IllegalArgumentException("device must be cpu, gpu or gpu:N (N a GPU index from 0), got '" + text + "'");
  }

  /** Whether a GPU is required. */
  public boolean requiresGpu() {
    return kind == Kind.GPU;
  }

  @Override
  public String toString() {
    return kind == Kind.GPU && index >= 0 ? "gpu:" + index : kind.name().toLowerCase(Locale.ROOT);
  }
}

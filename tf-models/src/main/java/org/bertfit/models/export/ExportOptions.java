package org.bertfit.models.export;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Which version directory an export writes, whether it may replace one, and how its {@code text}
 * signature tokenizes.
 *
 * @param version the version number; empty for the next one (the highest existing + 1, or 1)
 * @param force whether an existing version directory is replaced
 * @param maxLength the {@code text} signature's longest row, special tokens included; empty for
 *     {@value #DEFAULT_MAX_LENGTH} or the model's positions when it has fewer
 * @param defaultSignature which signature TF Serving calls when a request names none
 */
public record ExportOptions(
    OptionalLong version, boolean force, OptionalInt maxLength, DefaultSignature defaultSignature) {
  /** The {@code text} signature's truncation length when none is given. */
  public static final int DEFAULT_MAX_LENGTH = 128;

  /** The signature exported as {@code serving_default}. */
  public enum DefaultSignature {
    /** Token ids in ({@code input_ids}, {@code attention_mask}, {@code token_type_ids}). */
    IDS,
    /** Raw text in ({@code text}); the ids signature is then also exported as {@code ids}. */
    TEXT
  }

  public ExportOptions {
    if (version.isPresent() && version.getAsLong() < 1) {
      throw new IllegalArgumentException("version must be at least 1, got " + version.getAsLong());
    }
    if (maxLength.isPresent() && maxLength.getAsInt() < 3) {
      throw new IllegalArgumentException(
          "max length must be at least 3 ([CLS] A [SEP] needs 3), got " + maxLength.getAsInt());
    }
  }

  /** The next version, never replacing anything. */
  public static ExportOptions nextVersion() {
    return new ExportOptions(OptionalLong.empty(), false, OptionalInt.empty(), DefaultSignature.IDS);
  }

  /** Version {@code version}; an existing one is an error unless {@link #withForce} is set. */
  public static ExportOptions version(long version) {
    return new ExportOptions(
        OptionalLong.of(version), false, OptionalInt.empty(), DefaultSignature.IDS);
  }

  public ExportOptions withForce(boolean force) {
    return new ExportOptions(version, force, maxLength, defaultSignature);
  }

  /** The {@code text} signature truncates to {@code maxLength} tokens. */
  public ExportOptions withMaxLength(int maxLength) {
    return new ExportOptions(version, force, OptionalInt.of(maxLength), defaultSignature);
  }

  public ExportOptions withDefaultSignature(DefaultSignature defaultSignature) {
    return new ExportOptions(version, force, maxLength, defaultSignature);
  }
}

package org.bertfit.models.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bertfit.models.bench.HfReference;

/**
 * The independent reference for Hugging Face checkpoints: the repository's copy of {@code
 * ../shared/peers/hf_reference.py} (in {@code tf-models/src/test/python}), found from any module.
 * Tests that use it skip with a message when torch is not installed.
 */
public final class ReferenceFixture {
  private ReferenceFixture() {}

  /** The reference, or a skipped test. */
  public static HfReference reference() {
    String reason = HfReference.unavailableReason();
    assumeTrue(reason == null, () -> "Hugging Face reference skipped: " + reason);
    return new HfReference(script());
  }

  /** The script's path. */
  public static Path script() {
    for (String candidate :
        List.of("src/test/python/hf_reference.py", "../tf-models/src/test/python/hf_reference.py")) {
      if (Files.isRegularFile(Path.of(candidate))) {
        return Path.of(candidate).toAbsolutePath();
      }
    }
    throw new IllegalStateException("hf_reference.py not found from " + Path.of("").toAbsolutePath());
  }
}

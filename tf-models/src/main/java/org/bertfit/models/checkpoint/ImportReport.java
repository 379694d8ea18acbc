package org.bertfit.models.checkpoint;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a weight import did, in the spirit of Hugging Face's loading report.
 *
 * @param checkpoint the checkpoint prefix read
 * @param naming the naming scheme detected
 * @param prefix the prefix before {@code bert/} in its names ("" when none)
 * @param loaded bertfit variables set from the checkpoint
 * @param unused checkpoint variables that no model variable took (e.g. pre-training heads)
 * @param newlyInitialized model variables with no value in the checkpoint, freshly initialised
 * @param mismatchedHead head variables whose checkpoint shape differs from the model's (initialised anew)
 */
public record ImportReport(
    Path checkpoint,
    CheckpointNaming naming,
    String prefix,
    List<String> loaded,
    List<CheckpointVariable> unused,
    List<String> newlyInitialized,
    List<String> mismatchedHead) {

  /** A few lines for a person: counts, then the unused and newly initialised variables. */
  public String summary() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(
        "loaded %d variables from %s (naming: %s%s)%n",
        loaded.size(), checkpoint, naming, prefix.isEmpty() ? "" : ", prefix '" + prefix + "'"));
    if (!unused.isEmpty()) {
      out.append(String.format(
          "%d checkpoint variables were not used: %s%n",
          unused.size(),
          unused.stream().map(CheckpointVariable::name).collect(Collectors.joining(", "))));
    }
    if (!mismatchedHead.isEmpty()) {
      out.append(String.format(
          "head variables with another shape in the checkpoint, initialised anew: %s%n",
          String.join("; ", mismatchedHead)));
    }
    if (!newlyInitialized.isEmpty()) {
      out.append(String.format(
          "%d model variables were newly initialised (train them before use): %s%n",
          newlyInitialized.size(), String.join(", ", newlyInitialized)));
    }
    return out.toString();
  }
}

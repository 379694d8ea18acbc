package org.bertfit.models.graph;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bertfit.models.checkpoint.CheckpointException;
import org.bertfit.models.checkpoint.CheckpointNaming;
import org.bertfit.models.checkpoint.CheckpointVariable;
import org.bertfit.models.checkpoint.ImportReport;

/**
 * The rule for checkpoint variables that no model variable took. One that an encoder would read
 * (a 12th layer under a config of 11, say) means the config does not fit the checkpoint: an error
 * naming them, unless the user allows it. Pre-training heads ({@code cls/...}), optimizer slots,
 * counters and a head shaped for other labels stay a line of the report.
 */
public final class UnusedWeights {
  private static final Pattern LAYER = Pattern.compile("/layer_\\d+/");

  private UnusedWeights() {}

  /**
   * The unused checkpoint variables that map to an encoder variable of the model's kinds (same
   * name up to the layer number).
   */
  public static List<String> encoderVariables(ImportReport report) {
    Set<String> kinds = new HashSet<>();
    Stream.concat(report.loaded().stream(), report.newlyInitialized().stream())
        .map(UnusedWeights::kind)
        .forEach(kinds::add);
    return report.unused().stream()
        .map(CheckpointVariable::name)
        .filter(name -> CheckpointNaming.target(name)
            .map(CheckpointNaming.Target::name)
            .filter(t -> t.startsWith(ParameterStore.ENCODER_SCOPE + "/") && kinds.contains(kind(t)))
            .isPresent())
        .toList();
  }

  /**
   * Fails when an encoder variable of the checkpoint was left unused, unless {@code allowed}.
   *
   * @throws CheckpointException naming the variables
   */
  public static void check(ImportReport report, boolean allowed) {
    List<String> unused = encoderVariables(report);
    if (!unused.isEmpty() && !allowed) {
      throw new CheckpointException(report.checkpoint() + ": " + unused.size()
          + " encoder variables of the checkpoint are not used by the model (" + String.join(", ", unused)
          + "); does config.json (num_hidden_layers, ...) describe this checkpoint? Pass"
          + " --allow-unused-weights to load it anyway");
    }
  }

  private static String kind(String name) {
    return LAYER.matcher(name).replaceAll("/layer_N/");
  }
}

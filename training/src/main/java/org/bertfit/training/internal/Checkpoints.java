package org.bertfit.training.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bertfit.models.files.AtomicWrite;
import org.bertfit.models.files.FileTree;
import org.bertfit.models.graph.Parameter;
import org.bertfit.models.graph.VariableSaver;
import org.bertfit.models.io.ModelDirectory;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Training checkpoints: {@code OUTPUT/checkpoint-STEP/} holds a complete model directory (config,
 * weights, tokenizer) plus {@code trainer/state.*} (optimizer slots and the step counter) and
 * {@code trainer_state.json} (counters, best metric, log). Written atomically; older ones beyond the
 * limit are removed, never the best.
 */
public final class Checkpoints {
  static final String PREFIX = "checkpoint-";
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final ModelGraph model;
  private final VariableSaver weights;
  private final VariableSaver trainer;

  Checkpoints(ModelGraph model) {
    this.model = model;
    Map<String, Variable<TFloat32>> byName = new LinkedHashMap<>();
    for (Parameter p : model.parameters().parameters()) {
      byName.put(p.name(), p.variable());
    }
    this.weights = new VariableSaver(model.graph(), byName);
    this.trainer = model.trainerStateSaver();
  }

  /** Writes {@code checkpoint-STEP} under {@code outputDir} and prunes old ones. */
  Path save(Path outputDir, LoopState state, Path vocab, String tokenizerJson, int keep) {
    Path target = outputDir.resolve(PREFIX + state.globalStep);
    AtomicWrite.directory(
        target,
        true,
        dir -> {
          ModelDirectory.fill(dir, model.config(), model.parameters(), model.session(), vocab, tokenizerJson);
          Files.createDirectories(dir.resolve("trainer"));
          trainer.save(model.session(), dir.resolve("trainer").resolve("state"));
          JSON.writeValue(dir.resolve("trainer_state.json").toFile(), state);
        });
    prune(outputDir, state, keep);
    return target;
  }

  /** Sets weights, optimizer state and step from {@code checkpoint}; returns its trainer state. */
  LoopState restore(Path checkpoint) {
    Path json = checkpoint.resolve("trainer_state.json");
    if (!Files.isRegularFile(json)) {
      throw new IllegalArgumentException(checkpoint + " is not a training checkpoint: no trainer_state.json");
    }
    weights.restore(model.session(), checkpoint.resolve("variables").resolve("variables"));
    trainer.restore(model.session(), checkpoint.resolve("trainer").resolve("state"));
    try {
      return JSON.readValue(json.toFile(), LoopState.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + json + ": " + e.getMessage(), e);
    }
  }

  /** Removes the oldest checkpoints beyond {@code keep}, never the newest nor the best. */
  private static void prune(Path outputDir, LoopState state, int keep) {
    if (keep <= 0) {
      return;
    }
    try (Stream<Path> dirs = Files.list(outputDir)) {
      List<Path> all =
          dirs.filter(p -> step(p) >= 0).sorted(Comparator.comparingLong(Checkpoints::step)).toList();
      Path newest = all.get(all.size() - 1);
      Path best = state.bestMetric == null ? null : outputDir.resolve(PREFIX + state.bestStep);
      int excess = all.size() - keep;
      for (Path p : all) {
        if (excess <= 0) {
          break;
        }
        if (!p.equals(newest) && !p.equals(best)) {
          FileTree.delete(p);
          excess--;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prune checkpoints in " + outputDir + ": " + e.getMessage(), e);
    }
  }

  /** The step of a checkpoint directory, or -1 if the name is not {@code checkpoint-N}. */
  static long step(Path dir) {
    String name = dir.getFileName().toString();
    if (!name.startsWith(PREFIX)) {
      return -1;
    }
    try {
      return Long.parseLong(name.substring(PREFIX.length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}

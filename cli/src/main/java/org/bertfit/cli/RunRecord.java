package org.bertfit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bertfit.models.files.AtomicWrite;

/**
 * What a training run was started with, kept as {@code run.json} in its run directory: every
 * setting that decides the weights (data files by path and SHA-256, pretrained model, training
 * settings), and whether the run finished. {@code --resume} compares it with the resumed command.
 *
 * @param settings setting name to value, in the order of {@link TrainingRun.Settings} and its fit config
 * @param finished whether the run wrote its model
 */
record RunRecord(Map<String, String> settings, boolean finished) {
  static final String FILE = "run.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  /** Settings that do not change the weights, or that name this run's own directories. */
  private static final Set<String> IGNORED = Set.of("session", "runDir", "force", "fit", "outputDir");

  /** The record of a run about to start with {@code s}. */
  static RunRecord of(TrainingRun.Settings s) {
    Map<String, String> settings = new LinkedHashMap<>();
    addComponents(s, settings);
    addComponents(s.fit(), settings);
    return new RunRecord(settings, false);
  }

  /** Reads {@code run.json} of {@code runDir}. */
  static RunRecord read(Path runDir) {
    Path file = runDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(runDir + " is not the run directory of a bertfit train run: it has no " + FILE);
    }
    try {
      return JSON.readValue(file.toFile(), RunRecord.class);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + " is corrupt: " + e.getMessage(), e);
    }
  }

  /** Writes {@code run.json} into {@code runDir}, replacing it atomically. */
  void write(Path runDir) {
    AtomicWrite.file(runDir.resolve(FILE), out -> JSON.writeValue(out, this));
  }

  RunRecord asFinished() {
    return new RunRecord(settings, true);
  }

  /** Whether this run writes its model to {@code out} (absolute, normalised). */
  boolean trains(Path out) {
    return out.toString().equals(settings.get("out"));
  }

  /** Refuses to continue this run when it finished. */
  void requireUnfinished(Path runDir) {
    if (finished) {
      throw new IllegalArgumentException("--resume: the run in " + runDir + " finished (its model is "
          + settings.get("out") + "); there is nothing to resume");
    }
  }

  /** Refuses to continue this run with {@code now}'s settings when any differs, naming each. */
  void requireSameAs(RunRecord now, Path runDir) {
    List<String> differences = new ArrayList<>();
    settings.forEach((name, value) -> {
      String current = now.settings.get(name);
      if (!Objects.equals(value, current)) {
        differences.add(name + ": " + value + " in the run, " + current + " now");
      }
    });
    if (!differences.isEmpty()) {
      throw new IllegalArgumentException("--resume: the run in " + runDir + " was started with other settings; "
          + String.join("; ", differences) + ". Resume with the run's settings, or start a new run");
    }
  }

  private static void addComponents(Record r, Map<String, String> into) {
    for (RecordComponent c : r.getClass().getRecordComponents()) {
      if (!IGNORED.contains(c.getName())) {
        into.put(c.getName(), describe(value(r, c)));
      }
    }
  }

  private static Object value(Record r, RecordComponent c) {
    try {
      return c.getAccessor().invoke(r);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
    }
  }

  /** A path as absolute path, with the SHA-256 of its content when a file; else the value's text. */
  private static String describe(Object value) {
    if (!(value instanceof Path path)) {
      return String.valueOf(value);
    }
    Path absolute = path.toAbsolutePath().normalize();
    return Files.isRegularFile(absolute) ? absolute + " (SHA-256 " + sha256(absolute) + ")" : absolute.toString();
  }

  private static String sha256(Path file) {
    try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(in.getMessageDigest().digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

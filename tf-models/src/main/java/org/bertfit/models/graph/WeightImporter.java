package org.bertfit.models.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.bertfit.models.checkpoint.CheckpointException;
import org.bertfit.models.checkpoint.CheckpointNaming;
import org.bertfit.models.checkpoint.CheckpointVariable;
import org.bertfit.models.checkpoint.ImportReport;
import org.bertfit.models.checkpoint.WeightSource;
import org.bertfit.models.safetensors.FloatTensor;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Sets a model's variables from a checkpoint of any supported {@link CheckpointNaming} (a
 * TensorFlow checkpoint or a Hugging Face safetensors one), reading the tensors in Java (the
 * checkpoint's own graph is never run). Encoder variables must all be present with matching shapes,
 * except the pooler, which transformers leaves out under token heads; head variables that are absent
 * or shaped for another number of labels are initialised anew and reported.
 */
public final class WeightImporter {
  private static final Logger LOG = LogManager.getLogger();

  private final WeightSource checkpoint;
  private final List<Parameter> parameters;
  private final Map<String, Source> sources = new LinkedHashMap<>();
  private final ImportReport report;

  private record Source(CheckpointVariable variable, boolean transposed) {}

  /**
   * Matches the checkpoint's variables to {@code parameters}.
   *
   * @throws CheckpointException if an encoder variable is missing or has another shape
   */
  public WeightImporter(WeightSource checkpoint, List<Parameter> parameters) {
    this.checkpoint = checkpoint;
    this.parameters = parameters;
    this.report = match();
  }

  public ImportReport report() {
    return report;
  }

  private ImportReport match() {
    Map<String, Source> candidates = new LinkedHashMap<>();
    List<CheckpointVariable> unused = new ArrayList<>();
    for (CheckpointVariable v : checkpoint.tensors()) {
      var target = checkpoint.targetOf(v);
      if (target.isEmpty()) {
        unused.add(v);
      } else if (candidates.put(target.get().name(), new Source(v, target.get().transposed())) != null) {
        throw new CheckpointException(
            checkpoint.location() + ": two checkpoint variables map to " + target.get().name());
      }
    }
    List<String> mismatchedHead = new ArrayList<>();
    List<String> fresh = new ArrayList<>();
    for (Parameter p : parameters) {
      Source source = candidates.remove(p.name());
      if (source == null) {
        if (p.inEncoder() && !p.inPooler()) {
          throw new CheckpointException(
              checkpoint.location() + ": no checkpoint variable for " + p.name() + " (expected shape "
                  + Arrays.toString(p.shape()) + "); is the config right for this checkpoint?");
        }
        fresh.add(p.name());
        continue;
      }
      long[] stored = source.transposed() ? reversed(source.variable().shape()) : source.variable().shape();
      if (!Arrays.equals(stored, p.shape())) {
        String problem =
            p.name() + ": the model expects shape " + Arrays.toString(p.shape())
                + " but checkpoint variable " + source.variable().name() + " has shape "
                + Arrays.toString(source.variable().shape())
                + (source.transposed() ? " (" + Arrays.toString(stored) + " transposed)" : "");
        if (p.inEncoder()) {
          throw new CheckpointException(checkpoint.location() + ": " + problem);
        }
        mismatchedHead.add(problem);
        unused.add(source.variable());
        fresh.add(p.name());
        continue;
      }
      sources.put(p.name(), source);
    }
    candidates.values().forEach(s -> unused.add(s.variable()));
    return new ImportReport(
        checkpoint.location(),
        checkpoint.naming(),
        checkpoint.namePrefix(),
        List.copyOf(sources.keySet()),
        List.copyOf(unused),
        List.copyOf(fresh),
        List.copyOf(mismatchedHead));
  }

  /**
   * Initialises the variables with no checkpoint value ({@code seed}, truncated normal with
   * {@code stddev}), then sets the others from the checkpoint.
   */
  public ImportReport load(Session session, ParameterStore store, long seed, double stddev) {
    List<Parameter> fresh = parameters.stream().filter(p -> !sources.containsKey(p.name())).toList();
    if (!fresh.isEmpty()) {
      session.run(store.initializer(Ops.create(store.graph()), seed, stddev, fresh));
    }
    long start = System.nanoTime();
    List<Parameter> loaded = parameters.stream().filter(p -> sources.containsKey(p.name())).toList();
    store.assign(session, loaded, p -> read(sources.get(p.name()), p));
    LOG.info(
        "loaded {} variables from {} in {} ms",
        sources.size(), checkpoint.location(), (System.nanoTime() - start) / 1_000_000);
    return report;
  }

  private TFloat32 read(Source source, Parameter p) {
    FloatTensor stored = checkpoint.read(source.variable());
    float[] values = source.transposed() ? stored.transpose().values() : stored.values();
    return TFloat32.tensorOf(Shape.of(p.shape()), DataBuffers.of(values, true, false));
  }

  private static long[] reversed(long[] shape) {
    long[] out = new long[shape.length];
    for (int i = 0; i < shape.length; i++) {
      out[i] = shape[shape.length - 1 - i];
    }
    return out;
  }
}

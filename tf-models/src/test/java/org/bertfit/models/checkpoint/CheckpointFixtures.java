package org.bertfit.models.checkpoint;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bertfit.models.graph.Floats;
import org.bertfit.models.graph.InferenceModel;
import org.bertfit.models.graph.Parameter;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.TrackableObjectGraphOuterClass.TrackableObjectGraph;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TString;

/** Writes TensorFlow checkpoints with chosen variable names, as other frameworks would. */
final class CheckpointFixtures {
  private CheckpointFixtures() {}

  /** A tensor to store: values and shape. */
  record Tensor(float[] values, long[] shape) {}

  /** The current values of a model's parameters, by bertfit name. */
  static Map<String, Tensor> values(InferenceModel model) {
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (Parameter p : model.parameters().parameters()) {
      try (Result r = model.session().runner().fetch(p.variable()).run()) {
        out.put(p.name(), new Tensor(Floats.of((TFloat32) r.get(0)), p.shape()));
      }
    }
    return out;
  }

  /** Renames every tensor; {@code null} from {@code rename} drops it. */
  static Map<String, Tensor> renamed(Map<String, Tensor> values, Function<String, String> rename) {
    Map<String, Tensor> out = new LinkedHashMap<>();
    values.forEach((name, t) -> {
      String key = rename.apply(name);
      if (key != null) {
        out.put(key, t);
      }
    });
    return out;
  }

  static Tensor transposed(Tensor t) {
    int rows = (int) t.shape()[0];
    int cols = (int) t.shape()[1];
    float[] out = new float[t.values().length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        out[c * rows + r] = t.values()[r * cols + c];
      }
    }
    return new Tensor(out, new long[] {cols, rows});
  }

  /** Writes {@code tensors} (and, if given, an object graph) as a checkpoint at {@code prefix}. */
  static void write(Path prefix, Map<String, Tensor> tensors, TrackableObjectGraph objectGraph) {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      List<String> names = new ArrayList<>(tensors.keySet());
      List<Operand<?>> values = new ArrayList<>();
      tensors.values().forEach(t -> values.add(
          tf.constant(Shape.of(t.shape()), DataBuffers.of(t.values(), true, false))));
      var graphInput = tf.placeholder(TString.class);
      if (objectGraph != null) {
        names.add("_CHECKPOINTABLE_OBJECT_GRAPH");
        values.add(graphInput);
      }
      String[] blanks = new String[names.size()];
      java.util.Arrays.fill(blanks, "");
      var save =
          tf.train.save(
              tf.constant(prefix.toString()),
              tf.constant(StandardCharsets.UTF_8, names.toArray(String[]::new)),
              tf.constant(StandardCharsets.UTF_8, blanks),
              values);
      try (TString bytes =
          TString.tensorOfBytes(
              NdArrays.scalarOfObject(
                  objectGraph == null ? new byte[0] : objectGraph.toByteArray()))) {
        Session.Runner runner = s.runner().addTarget(save);
        if (objectGraph != null) {
          runner.feed(graphInput, bytes);
        }
        runner.run();
      }
    }
  }

  /**
   * An object graph naming each checkpoint key's variable as Keras does: full names ending in
   * {@code :0}.
   */
  static TrackableObjectGraph objectGraph(Map<String, String> keyToFullName) {
    TrackableObjectGraph.Builder graph = TrackableObjectGraph.newBuilder();
    graph.addNodesBuilder(); // the root object
    keyToFullName.forEach((key, fullName) ->
        graph.addNodesBuilder().addAttributesBuilder()
            .setName("VARIABLE_VALUE")
            .setFullName(fullName + ":0")
            .setCheckpointKey(key));
    return graph.build();
  }
}

package org.bertfit.models.graph;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.train.Restore;
import org.tensorflow.types.TString;
import org.tensorflow.types.family.TType;

/**
 * Saves and restores a fixed set of graph variables (any dtype) as a TensorFlow checkpoint, under
 * given names, with TensorFlow's own SaveV2 and RestoreV2 ops (built once, on first use).
 */
public final class VariableSaver {
  private final Graph graph;
  private final Map<String, Variable<?>> variables;
  private Placeholder<TString> prefix;
  private Op save;
  private Op restore;

  /** @param variables checkpoint name to variable, in a stable order */
  public VariableSaver(Graph graph, Map<String, ? extends Variable<?>> variables) {
    this.graph = graph;
    this.variables = new LinkedHashMap<>(variables);
  }

  /** Writes {@code prefix.index} and {@code prefix.data-00000-of-00001}. */
  public void save(Session session, Path path) {
    if (save == null) {
      Ops tf = ops();
      save = tf.train.save(prefix, names(tf), blanks(tf), new ArrayList<Operand<?>>(variables.values()));
    }
    run(session, save, path);
  }

  /** Sets every variable from the checkpoint at {@code path} (which must hold them all). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void restore(Session session, Path path) {
    if (restore == null) {
      Ops tf = ops();
      List<Class<? extends TType>> types = new ArrayList<>();
      variables.values().forEach(v -> types.add(v.type()));
      Restore restored = tf.train.restore(prefix, names(tf), blanks(tf), types);
      List<Op> assigns = new ArrayList<>();
      int i = 0;
      for (Variable<?> v : variables.values()) {
        assigns.add(tf.assign((Operand) v, (Operand) restored.tensors().get(i++)));
      }
      restore = tf.withControlDependencies(assigns).noOp();
    }
    run(session, restore, path);
  }

  private Ops ops() {
    Ops tf = Ops.create(graph).withSubScope("bertfit_saver");
    if (prefix == null) {
      prefix = tf.placeholder(TString.class, Placeholder.shape(Shape.scalar()));
    }
    return tf;
  }

  private Operand<TString> names(Ops tf) {
    return tf.constant(StandardCharsets.UTF_8, variables.keySet().toArray(String[]::new));
  }

  private Operand<TString> blanks(Ops tf) {
    String[] blanks = new String[variables.size()];
    Arrays.fill(blanks, "");
    return tf.constant(StandardCharsets.UTF_8, blanks);
  }

  private void run(Session session, Op target, Path path) {
    try (TString value = TString.scalarOf(path.toString())) {
      session.runner().feed(prefix, value).addTarget(target).run();
    }
  }
}

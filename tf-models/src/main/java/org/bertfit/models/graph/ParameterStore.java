package org.bertfit.models.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bertfit.models.gradients.CustomGradients;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;

/**
 * Creates the model's variables under exact names and remembers them, so that layers, checkpoint
 * import, optimizers and savers all see the same list.
 */
public final class ParameterStore {
  /** The scope of every encoder variable, as in Google's BERT checkpoints. */
  public static final String ENCODER_SCOPE = "bert";

  private static final long ASSIGN_CHUNK_BYTES = 256L << 20;

  private final Graph graph;
  private final Map<String, Parameter> parameters = new LinkedHashMap<>();
  private final Map<String, Assigner> assigners = new HashMap<>();
  private VariableSaver saver;

  private record Assigner(Placeholder<TFloat32> input, Assign<TFloat32> assign) {}

  public ParameterStore(Graph graph) {
    CustomGradients.register();
    this.graph = graph;
  }

  public Graph graph() {
    return graph;
  }

  /**
   * Creates a float32 variable named exactly {@code name} (a {@code /}-separated path).
   *
   * @throws IllegalStateException if the name is taken
   */
  public Variable<TFloat32> create(String name, long[] shape, Initializer initializer) {
    if (parameters.containsKey(name) || graph.operation(name) != null) {
      throw new IllegalStateException("a variable named " + name + " already exists in the graph");
    }
    // Built directly under its full name: name scopes would add suffixes, and creating a fresh
    // scope per variable costs a pass over the whole graph.
    Variable<TFloat32> variable =
        new Variable<>(
            graph.opBuilder(Variable.OP_NAME, name, graph.baseScope())
                .setAttr("shape", Shape.of(shape))
                .setAttr("dtype", DataType.DT_FLOAT)
                .build());
    parameters.put(name, new Parameter(name, variable, shape.clone(), initializer));
    return variable;
  }

  /** All parameters in creation order. */
  public List<Parameter> parameters() {
    return Collections.unmodifiableList(new ArrayList<>(parameters.values()));
  }

  /** The parameter named {@code name}, or {@code null}. */
  public Parameter get(String name) {
    return parameters.get(name);
  }

  /** Total number of elements of all parameters. */
  public long parameterCount() {
    return parameters.values().stream().mapToLong(Parameter::size).sum();
  }

  /**
   * An op that gives every parameter its initial value (truncated normal with standard deviation
   * {@code stddev}, zeros or ones). Random values come from stateless ops seeded by {@code seed}
   * and the parameter's name, so they do not depend on the order in which graphs are built.
   */
  public Op initializer(Ops tf, long seed, double stddev) {
    return initializer(tf, seed, stddev, parameters.values());
  }

  /** As {@link #initializer(Ops, long, double)}, for some of the parameters only. */
  public Op initializer(Ops tf, long seed, double stddev, Collection<Parameter> subset) {
    List<Op> assigns = new ArrayList<>();
    for (Parameter p : subset) {
      assigns.add(tf.assign(p.variable(), initialValue(tf, p, seed, stddev)));
    }
    return tf.withControlDependencies(assigns).noOp();
  }

  private static Operand<TFloat32> initialValue(
      Ops tf, Parameter p, long seed, double stddev) {
    Shape shape = Shape.of(p.shape());
    return switch (p.initializer()) {
      case ZEROS -> tf.zeros(tf.constant(shape), TFloat32.class);
      case ONES -> tf.ones(tf.constant(shape), TFloat32.class);
      case TRUNCATED_NORMAL -> {
        yield tf.math.mul(
            tf.random.statelessTruncatedNormal(
                tf.constant(shape), tf.constant(new long[] {seed, p.name().hashCode()}), TFloat32.class),
            tf.constant((float) stddev));
      }
    };
  }

  /**
   * Sets parameters to values in {@code session} through a placeholder and an assign op per
   * parameter. The ops are all created before the first run (the graph is extended once), and the
   * values go in a few runs of about {@value #ASSIGN_CHUNK_BYTES} bytes each: one run per variable
   * would pay TensorFlow's per-signature executor set-up hundreds of times.
   *
   * @param values supplies each parameter's value; the tensors are closed after use
   */
  public void assign(Session session, List<Parameter> targets, Function<Parameter, TFloat32> values) {
    Ops tf = Ops.create(graph);
    for (Parameter p : targets) {
      assigners.computeIfAbsent(
          p.name(),
          name -> {
            Placeholder<TFloat32> input =
                tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(p.shape())));
            return new Assigner(input, tf.assign(p.variable(), input));
          });
    }
    int from = 0;
    while (from < targets.size()) {
      long bytes = 0;
      int to = from;
      while (to < targets.size() && (to == from || bytes + 4 * targets.get(to).size() <= ASSIGN_CHUNK_BYTES)) {
        bytes += 4 * targets.get(to++).size();
      }
      assignChunk(session, targets.subList(from, to), values);
      from = to;
    }
  }

  private void assignChunk(Session session, List<Parameter> chunk, Function<Parameter, TFloat32> values) {
    List<TFloat32> tensors = new ArrayList<>();
    try {
      Session.Runner runner = session.runner();
      for (Parameter p : chunk) {
        Assigner assigner = assigners.get(p.name());
        TFloat32 value = values.apply(p);
        tensors.add(value);
        runner.feed(assigner.input(), value).addTarget(assigner.assign());
      }
      runner.run();
    } finally {
      tensors.forEach(TFloat32::close);
    }
  }

  /**
   * Writes every parameter to a TensorFlow checkpoint at {@code prefix} ({@code prefix.index} and
   * {@code prefix.data-00000-of-00001}), under the parameters' names.
   */
  public void save(Session session, java.nio.file.Path prefix) {
    if (saver == null) {
      Map<String, Variable<TFloat32>> byName = new LinkedHashMap<>();
      parameters.values().forEach(p -> byName.put(p.name(), p.variable()));
      saver = new VariableSaver(graph, byName);
    }
    saver.save(session, prefix);
  }

}

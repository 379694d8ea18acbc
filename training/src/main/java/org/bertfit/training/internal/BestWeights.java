package org.bertfit.training.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bertfit.models.graph.Initializer;
import org.bertfit.models.graph.Parameter;
import org.bertfit.models.graph.ParameterStore;
import org.bertfit.models.graph.VariableSaver;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A copy of the model's weights kept in the graph (like Keras' {@code restore_best_weights}): taken
 * when validation improves, put back at the end of training. No disk round trip.
 */
final class BestWeights {
  private final ModelGraph model;
  private final Op keep;
  private final Op restore;
  private final VariableSaver shadowSaver;

  BestWeights(ModelGraph model) {
    this.model = model;
    ParameterStore shadows = new ParameterStore(model.graph());
    Ops tf = Ops.create(model.graph()).withSubScope("best_weights");
    List<Op> keeps = new ArrayList<>();
    List<Op> restores = new ArrayList<>();
    Map<String, Variable<TFloat32>> byModelName = new LinkedHashMap<>();
    for (Parameter p : model.parameters().parameters()) {
      Variable<TFloat32> shadow = shadows.create("best/" + p.name(), p.shape(), Initializer.ZEROS);
      byModelName.put(p.name(), shadow);
      keeps.add(tf.assign(shadow, p.variable()));
      restores.add(tf.assign(p.variable(), shadow));
    }
    shadowSaver = new VariableSaver(model.graph(), byModelName);
    keep = tf.withControlDependencies(keeps).noOp();
    restore = tf.withControlDependencies(restores).noOp();
  }

  void keep() {
    model.session().run(keep);
  }

  void restore() {
    model.session().run(restore);
  }

  /** Takes the best weights from a saved checkpoint (when a resumed run's best came before it). */
  void loadFrom(Path checkpoint) {
    Path prefix = checkpoint.resolve("variables").resolve("variables");
    if (!java.nio.file.Files.exists(Path.of(prefix + ".index"))) {
      throw new IllegalStateException(
          "load_best_model_at_end: the best weights of the resumed run are in " + checkpoint
              + ", which is missing");
    }
    shadowSaver.restore(model.session(), prefix);
  }
}

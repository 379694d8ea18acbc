package org.bertfit.training.internal;

import java.util.ArrayList;
import java.util.List;
import org.bertfit.models.graph.Initializer;
import org.bertfit.models.graph.Parameter;
import org.bertfit.models.graph.ParameterStore;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;

/**
 * A copy of the model's weights kept in the graph (like Keras' {@code restore_best_weights}): taken
 * when validation improves, put back at the end of training. No disk round trip.
 */
final class BestWeights {
  private final ModelGraph model;
  private final Op keep;
  private final Op restore;

  BestWeights(ModelGraph model) {
    this.model = model;
    ParameterStore shadows = new ParameterStore(model.graph());
    Ops tf = Ops.create(model.graph()).withSubScope("best_weights");
    List<Op> keeps = new ArrayList<>();
    List<Op> restores = new ArrayList<>();
    for (Parameter p : model.parameters().parameters()) {
      shadows.create("best/" + p.name(), p.shape(), Initializer.ZEROS);
      Parameter shadow = shadows.get("best/" + p.name());
      keeps.add(tf.assign(shadow.variable(), p.variable()));
      restores.add(tf.assign(p.variable(), shadow.variable()));
    }
    keep = tf.withControlDependencies(keeps).noOp();
    restore = tf.withControlDependencies(restores).noOp();
  }

  void keep() {
    model.session().run(keep);
  }

  void restore() {
    model.session().run(restore);
  }
}

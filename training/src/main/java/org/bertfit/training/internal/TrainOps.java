package org.bertfit.training.internal;

import java.util.ArrayList;
import java.util.List;
import org.bertfit.models.graph.Parameter;
import org.bertfit.training.optimizers.LearningRateSchedule;
import org.bertfit.training.optimizers.Optimizer;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The training ops of one {@code fit} configuration, added to a {@link ModelGraph}: gradients of
 * the training loss with respect to the trainable parameters only (a frozen encoder gets none),
 * clipping by global norm, the optimizer update at the scheduled learning rate, and the step
 * increment. With gradient accumulation, micro-batches add their gradients into accumulators and a
 * separate op applies their mean and clears them. New optimizer slots start uninitialised: the
 * caller resets or restores the optimizer state before the first step.
 */
public final class TrainOps {
  /** A forward-backward pass that also updates (no accumulation), or that accumulates. */
  private final Op forwardBackward;
  /** Applies the accumulated gradients (accumulation only; null otherwise). */
  private final Op applyAccumulated;
  private final Operand<TFloat32> gradientNorm;
  private final Operand<TFloat32> learningRate;
  private final int accumulationSteps;

  public TrainOps(
      ModelGraph model,
      Optimizer optimizer,
      List<Parameter> trainable,
      LearningRateSchedule schedule,
      double maxGradNorm,
      double weightDecay,
      int accumulationSteps) {
    this.accumulationSteps = accumulationSteps;
    Ops tf = Ops.create(model.graph()).withSubScope("train");
    Output<?>[] variables = trainable.stream().map(p -> p.variable().asOutput()).toArray(Output<?>[]::new);
    Output<?>[] raw = model.graph().addGradients(model.trainingLoss().asOutput(), variables);
    // A barrier: every gradient, and so every read of the weights, before any update.
    List<Op> computed = new ArrayList<>();
    for (Output<?> g : raw) {
      computed.add(cast(g));
    }
    Ops afterBackward = tf.withControlDependencies(computed);
    List<Operand<TFloat32>> gradients = new ArrayList<>();
    for (Output<?> g : raw) {
      gradients.add(afterBackward.identity(cast(g)));
    }
    learningRate = schedule.build(tf, model.step());
    if (accumulationSteps == 1) {
      Update update = update(tf, model, optimizer, trainable, gradients, maxGradNorm, weightDecay);
      forwardBackward = update.op();
      gradientNorm = update.norm();
      applyAccumulated = null;
    } else {
      List<Variable<TFloat32>> sums = new ArrayList<>();
      List<Op> adds = new ArrayList<>();
      for (int i = 0; i < trainable.size(); i++) {
        Variable<TFloat32> sum = model.slot(trainable.get(i), "accumulated");
        sums.add(sum);
        adds.add(tf.assignAdd(sum, gradients.get(i)));
      }
      forwardBackward = tf.withControlDependencies(adds).noOp();
      List<Operand<TFloat32>> means = new ArrayList<>();
      Operand<TFloat32> scale = tf.constant(1f / accumulationSteps);
      for (Variable<TFloat32> sum : sums) {
        means.add(tf.math.mul(sum, scale));
      }
      Update update = update(tf, model, optimizer, trainable, means, maxGradNorm, weightDecay);
      List<Op> clears = new ArrayList<>();
      Ops afterUpdate = tf.withControlDependencies(List.of(update.op()));
      for (Variable<TFloat32> sum : sums) {
        clears.add(afterUpdate.assign(sum, tf.zerosLike(sum)));
      }
      applyAccumulated = tf.withControlDependencies(clears).noOp();
      gradientNorm = update.norm();
    }
  }

  private record Update(Op op, Operand<TFloat32> norm) {}

  private Update update(
      Ops tf,
      ModelGraph model,
      Optimizer optimizer,
      List<Parameter> trainable,
      List<Operand<TFloat32>> gradients,
      double maxGradNorm,
      double weightDecay) {
    List<Operand<TFloat32>> squares = new ArrayList<>();
    for (Operand<TFloat32> g : gradients) {
      squares.add(tf.reduceSum(tf.math.square(g), allAxes(tf, g)));
    }
    Operand<TFloat32> norm = tf.math.sqrt(tf.math.addN(squares));
    List<Operand<TFloat32>> clipped = gradients;
    if (maxGradNorm > 0) {
      Operand<TFloat32> limit = tf.constant((float) maxGradNorm);
      Operand<TFloat32> factor = tf.math.div(limit, tf.math.maximum(norm, limit));
      clipped = new ArrayList<>();
      for (Operand<TFloat32> g : gradients) {
        clipped.add(tf.math.mul(g, factor));
      }
    }
    Operand<TFloat32> t =
        tf.math.add(tf.dtypes.cast(model.step(), TFloat32.class), tf.constant(1f));
    Op apply =
        optimizer.apply(tf, model::slot, trainable, clipped, learningRate, t, weightDecay);
    Op increment = tf.withControlDependencies(List.of(apply)).assignAdd(model.step(), tf.constant(1L));
    return new Update(increment, norm);
  }

  private static Operand<TInt32> allAxes(Ops tf, Operand<TFloat32> x) {
    return tf.range(tf.constant(0), tf.rank(x), tf.constant(1));
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> cast(Output<?> g) {
    if (g == null) {
      throw new IllegalStateException("a trainable parameter got no gradient from the loss");
    }
    return (Operand<TFloat32>) (Operand<?>) g;
  }

  public Op forwardBackward() { return forwardBackward; }
  public Op applyAccumulated() { return applyAccumulated; }
  public Operand<TFloat32> gradientNorm() { return gradientNorm; }
  public Operand<TFloat32> learningRate() { return learningRate; }
  public int accumulationSteps() { return accumulationSteps; }
}

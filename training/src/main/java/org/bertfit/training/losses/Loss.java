package org.bertfit.training.losses;

import org.bertfit.datasets.Task;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A training objective built in the graph: the mean loss of a batch from the logits and the labels
 * placeholder. The hook that users customise, in the spirit of Hugging Face's {@code
 * Trainer.compute_loss}.
 */
public interface Loss {
  /** The task whose labels this loss reads (it decides the labels' dtype and shape). */
  Task task();

  /**
   * The per-example losses, {@code [batch]} (for token classification, the mean over each example's
   * labelled tokens).
   *
   * @param labels int32 {@code [batch]}, float32 {@code [batch, labels]} or int32 {@code [batch, seq]}
   *     as {@link #task()} says
   */
  Operand<TFloat32> perExample(Ops tf, Operand<TFloat32> logits, Operand<?> labels);

  /** The scalar loss that training minimises (by default the mean of the per-example losses). */
  Operand<TFloat32> mean(Ops tf, Operand<TFloat32> logits, Operand<?> labels);
}

package org.bertfit.models.checkpoint;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import org.bertfit.models.safetensors.FloatTensor;

/**
 * Stored weights that {@link org.bertfit.models.graph.WeightImporter} maps onto a model's parameters: a TensorFlow
 * {@link Checkpoint}, or a Hugging Face safetensors checkpoint. Each knows its naming rule.
 */
public interface WeightSource {
  /** Where the weights are (a checkpoint prefix, a safetensors file or index), for messages. */
  Path location();

  /** Every stored tensor. */
  Collection<CheckpointVariable> tensors();

  /** The bertfit parameter that {@code tensor} sets, if any (empty for tensors no rule maps or non-float ones). */
  Optional<CheckpointNaming.Target> targetOf(CheckpointVariable tensor);

  /** The naming scheme of the stored names. */
  CheckpointNaming naming();

  /** The prefix in front of the encoder's names ({@code module/}, {@code bert.}), or "". */
  String namePrefix();

  /** Reads {@code tensor} as float32. */
  FloatTensor read(CheckpointVariable tensor);
}

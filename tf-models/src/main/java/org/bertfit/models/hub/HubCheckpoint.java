package org.bertfit.models.hub;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import org.bertfit.models.ModelType;
import org.bertfit.models.checkpoint.CheckpointNaming;
import org.bertfit.models.checkpoint.CheckpointVariable;
import org.bertfit.models.checkpoint.WeightSource;
import org.bertfit.models.safetensors.FloatTensor;
import org.bertfit.models.safetensors.SafetensorsCheckpoint;
import org.bertfit.models.safetensors.SafetensorsDtype;
import org.bertfit.models.safetensors.TensorInfo;
import org.tensorflow.proto.DataType;

/** The safetensors weights of a Hugging Face model of one {@link ModelType}, named by {@link HubNames}. */
public final class HubCheckpoint implements WeightSource {
  private final SafetensorsCheckpoint weights;
  private final ModelType type;
  private final Collection<CheckpointVariable> tensors;

  public HubCheckpoint(SafetensorsCheckpoint weights, ModelType type) {
    this.weights = weights;
    this.type = type;
    this.tensors =
        weights.tensors().values().stream()
            .map(t -> new CheckpointVariable(t.name(), t.name(), dataType(t.dtype()), t.shape()))
            .toList();
  }

  @Override
  public Path location() {
    return weights.source();
  }

  @Override
  public Collection<CheckpointVariable> tensors() {
    return tensors;
  }

  @Override
  public Optional<CheckpointNaming.Target> targetOf(CheckpointVariable tensor) {
    TensorInfo info = weights.tensors().get(tensor.key());
    return info.dtype().isFloat() ? HubNames.toBertfit(tensor.name(), type) : Optional.empty();
  }

  @Override
  public CheckpointNaming naming() {
    return CheckpointNaming.HUGGING_FACE;
  }

  @Override
  public String namePrefix() {
    String prefix = HubNames.prefix(type);
    return tensors.stream().anyMatch(t -> t.name().startsWith(prefix)) ? prefix : "";
  }

  @Override
  public FloatTensor read(CheckpointVariable tensor) {
    return weights.read(tensor.key());
  }

  private static DataType dataType(SafetensorsDtype dtype) {
    return switch (dtype) {
      case F32 -> DataType.DT_FLOAT;
      case F16 -> DataType.DT_HALF;
      case BF16 -> DataType.DT_BFLOAT16;
      case F64 -> DataType.DT_DOUBLE;
      case I64 -> DataType.DT_INT64;
      case I32 -> DataType.DT_INT32;
      case I16 -> DataType.DT_INT16;
      case I8 -> DataType.DT_INT8;
      case U8 -> DataType.DT_UINT8;
      case U16 -> DataType.DT_UINT16;
      case U32 -> DataType.DT_UINT32;
      case U64 -> DataType.DT_UINT64;
      case BOOL -> DataType.DT_BOOL;
      case F8_E4M3 -> DataType.DT_FLOAT8_E4M3FN;
      case F8_E5M2 -> DataType.DT_FLOAT8_E5M2;
    };
  }
}

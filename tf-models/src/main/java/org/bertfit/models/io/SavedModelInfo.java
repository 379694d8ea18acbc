package org.bertfit.models.io;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bertfit.models.checkpoint.Checkpoint;
import org.bertfit.models.checkpoint.CheckpointVariable;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;
import org.tensorflow.proto.TensorShapeProto;

/**
 * What a SavedModel holds, read from {@code saved_model.pb} and the variables index without loading
 * it into TensorFlow: tags, signatures, variables and parameters, op types, and the op types that
 * can touch files or run code.
 *
 * @param flaggedOps op type to why it deserves a look before the model is run
 */
public record SavedModelInfo(
    Path dir,
    List<MetaGraph> metaGraphs,
    List<CheckpointVariable> variables,
    SortedSet<String> opTypes,
    SortedMap<String, String> flaggedOps) {

  /** Op types that read or write files, reach other processes, or run arbitrary code. */
  private static final Map<String, String> RISKY_OPS =
      Map.ofEntries(
          Map.entry("ReadFile", "reads files"),
          Map.entry("WriteFile", "writes files"),
          Map.entry("MatchingFiles", "lists files"),
          Map.entry("WholeFileReader", "reads files"),
          Map.entry("WholeFileReaderV2", "reads files"),
          Map.entry("TextLineReaderV2", "reads files"),
          Map.entry("TFRecordReaderV2", "reads files"),
          Map.entry("FixedLengthRecordReaderV2", "reads files"),
          Map.entry("LMDBReader", "reads files"),
          Map.entry("ImmutableConst", "maps a file into memory"),
          Map.entry("PrintV2", "can write to files"),
          Map.entry("DebugIdentityV2", "writes debug files"),
          Map.entry("PyFunc", "runs Python code"),
          Map.entry("PyFuncStateless", "runs Python code"),
          Map.entry("EagerPyFunc", "runs Python code"),
          Map.entry("_Send", "sends tensors to other processes"),
          Map.entry("_Recv", "receives tensors from other processes"),
          Map.entry("CollectiveReduce", "talks to other workers"),
          Map.entry("RpcCall", "makes remote calls"),
          Map.entry("Rpc", "makes remote calls"));

  /** One meta graph: its tags and signatures. */
  public record MetaGraph(List<String> tags, SortedMap<String, SignatureInfo> signatures) {}

  /** A signature's method name, inputs and outputs. */
  public record SignatureInfo(String methodName, List<TensorSpec> inputs, List<TensorSpec> outputs) {}

  /**
   * A signature argument.
   *
   * @param key the argument name callers use
   * @param tensorName the graph tensor behind it
   * @param dtype e.g. {@code DT_INT32}
   * @param shape dimensions, -1 for unknown; {@code null} for unknown rank
   */
  public record TensorSpec(String key, String tensorName, String dtype, long[] shape) {
    public String shapeString() {
      if (shape == null) {
        return "<unknown rank>";
      }
      StringBuilder s = new StringBuilder("[");
      for (int i = 0; i < shape.length; i++) {
        s.append(i == 0 ? "" : ", ").append(shape[i]);
      }
      return s.append(']').toString();
    }
  }

  /** Reads the SavedModel in {@code dir}. */
  public static SavedModelInfo read(Path dir) {
    Path pb = dir.resolve("saved_model.pb");
    if (!Files.isRegularFile(pb)) {
      throw new IllegalArgumentException(dir + " is not a SavedModel: no saved_model.pb");
    }
    SavedModel model;
    try {
      model = SavedModel.parseFrom(Files.readAllBytes(pb));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException(pb + " is not a valid SavedModel: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + pb + ": " + e.getMessage(), e);
    }
    if (model.getMetaGraphsCount() == 0) {
      throw new IllegalArgumentException(pb + " is not a valid SavedModel: it holds no meta graph"
          + " (" + pb.toFile().length() + " bytes)");
    }
    List<MetaGraph> metaGraphs = new ArrayList<>();
    SortedSet<String> ops = new TreeSet<>();
    for (MetaGraphDef meta : model.getMetaGraphsList()) {
      SortedMap<String, SignatureInfo> signatures = new TreeMap<>();
      meta.getSignatureDefMap().forEach((name, sig) -> signatures.put(name, signature(sig)));
      metaGraphs.add(new MetaGraph(List.copyOf(meta.getMetaInfoDef().getTagsList()), signatures));
      meta.getGraphDef().getNodeList().forEach(n -> ops.add(n.getOp()));
      for (FunctionDef f : meta.getGraphDef().getLibrary().getFunctionList()) {
        f.getNodeDefList().stream().map(NodeDef::getOp).forEach(ops::add);
      }
    }
    if (ops.isEmpty()) {
      throw new IllegalArgumentException(pb + " is not a valid SavedModel: its graph has no ops");
    }
    SortedMap<String, String> flagged = new TreeMap<>();
    ops.stream().filter(RISKY_OPS::containsKey).forEach(op -> flagged.put(op, RISKY_OPS.get(op)));
    Path prefix = dir.resolve("variables").resolve("variables");
    List<CheckpointVariable> variables =
        Files.exists(Path.of(prefix + ".index"))
            ? List.copyOf(Checkpoint.open(prefix).variables().values())
            : List.of();
    return new SavedModelInfo(dir, metaGraphs, variables, ops, flagged);
  }

  private static SignatureInfo signature(SignatureDef sig) {
    return new SignatureInfo(sig.getMethodName(), specs(sig.getInputsMap()), specs(sig.getOutputsMap()));
  }

  private static List<TensorSpec> specs(Map<String, TensorInfo> tensors) {
    List<TensorSpec> out = new ArrayList<>();
    new TreeMap<>(tensors)
        .forEach((key, info) -> out.add(new TensorSpec(key, info.getName(), info.getDtype().name(), shape(info.getTensorShape()))));
    return out;
  }

  private static long[] shape(TensorShapeProto shape) {
    if (shape.getUnknownRank()) {
      return null;
    }
    return shape.getDimList().stream().mapToLong(TensorShapeProto.Dim::getSize).toArray();
  }

  /** Total number of elements over the variables. */
  public long parameterCount() {
    return Checkpoint.parameterCount(variables);
  }

  /** A report for people, as {@code bertfit inspect} prints it. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    out.append("SavedModel: ").append(dir).append('\n');
    out.append(describeSignatures());
    out.append(String.format("variables: %,d  parameters: %,d%n", variables.size(), parameterCount()));
    out.append("op types (").append(opTypes.size()).append("): ").append(String.join(", ", opTypes)).append('\n');
    if (flaggedOps.isEmpty()) {
      out.append("flagged ops: none (no op reads or writes files, or runs code)\n");
    } else {
      out.append("flagged ops: ");
      flaggedOps.forEach((op, why) -> out.append(op).append(" (").append(why).append(") "));
      out.append('\n');
    }
    return out.toString();
  }

  /** Each meta graph's tags, then its signatures with one line an input or output. */
  public String describeSignatures() {
    StringBuilder out = new StringBuilder();
    for (MetaGraph meta : metaGraphs) {
      out.append("tags: ").append(String.join(", ", meta.tags())).append('\n');
      meta.signatures().forEach((name, sig) -> {
        out.append("signature ").append(name).append(" (").append(sig.methodName()).append(")\n");
        sig.inputs().forEach(t -> out.append(line("input", t)));
        sig.outputs().forEach(t -> out.append(line("output", t)));
      });
    }
    return out.toString();
  }

  private static String line(String kind, TensorSpec t) {
    return String.format("  %-6s %-18s %-9s %-16s %s%n", kind, t.key(), t.dtype().replace("DT_", "").toLowerCase(), t.shapeString(), t.tensorName());
  }
}

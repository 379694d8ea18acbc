package org.bertfit.models.onnx;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ONNX model ({@code ModelProto}) read in plain Java: the graph's nodes, initializers, inputs and
 * outputs, and the default-domain opset. The protobuf wire format is parsed directly with a few
 * field numbers of <a href="https://github.com/onnx/onnx/blob/main/onnx/onnx.proto">onnx.proto</a>
 * rather than generated classes; external tensor data is not supported.
 *
 * @param name where the model was read from (for messages)
 * @param opset the version of the default ({@code ai.onnx}) operator set, 0 when absent
 * @param producer the producer's name and version, such as {@code pytorch 2.0.1}
 * @param initializers the graph's initializers by name, in file order
 */
public record OnnxModel(
    String name,
    long opset,
    String producer,
    List<OnnxNode> nodes,
    Map<String, OnnxTensor> initializers,
    List<String> inputs,
    List<String> outputs) {

  // ModelProto
  private static final int MODEL_PRODUCER_NAME = 2;
  private static final int MODEL_PRODUCER_VERSION = 3;
  private static final int MODEL_GRAPH = 7;
  private static final int MODEL_OPSET_IMPORT = 8;
  // OperatorSetIdProto
  private static final int OPSET_DOMAIN = 1;
  private static final int OPSET_VERSION = 2;
  // GraphProto
  private static final int GRAPH_NODE = 1;
  private static final int GRAPH_INITIALIZER = 5;
  private static final int GRAPH_INPUT = 11;
  private static final int GRAPH_OUTPUT = 12;
  // NodeProto
  private static final int NODE_INPUT = 1;
  private static final int NODE_OUTPUT = 2;
  private static final int NODE_NAME = 3;
  private static final int NODE_OP_TYPE = 4;
  private static final int NODE_ATTRIBUTE = 5;
  // AttributeProto
  private static final int ATTRIBUTE_NAME = 1;
  private static final int ATTRIBUTE_TENSOR = 5;
  // ValueInfoProto
  private static final int VALUE_INFO_NAME = 1;
  // TensorProto
  private static final int TENSOR_DIMS = 1;
  private static final int TENSOR_DATA_TYPE = 2;
  private static final int TENSOR_FLOAT_DATA = 4;
  private static final int TENSOR_INT32_DATA = 5;
  private static final int TENSOR_INT64_DATA = 7;
  private static final int TENSOR_NAME = 8;
  private static final int TENSOR_RAW_DATA = 9;
  private static final int TENSOR_DOUBLE_DATA = 10;
  private static final int TENSOR_DATA_LOCATION = 14;

  public OnnxModel {
    nodes = List.copyOf(nodes);
    initializers = Collections.unmodifiableMap(new LinkedHashMap<>(initializers));
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  /** Reads an {@code .onnx} file. */
  public static OnnxModel read(Path file) {
    try {
      return parse(Files.readAllBytes(file), file.toString());
    } catch (IOException e) {
      throw new OnnxException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses a serialized {@code ModelProto}.
   *
   * @param name where the bytes came from, for messages
   * @throws OnnxException if the bytes are not a valid ONNX model
   */
  public static OnnxModel parse(byte[] bytes, String name) {
    try {
      return new Parser(name).model(CodedInputStream.newInstance(bytes));
    } catch (IOException e) {
      throw new OnnxException(name + ": not a valid ONNX model: " + e.getMessage(), e);
    }
  }

  /** The nodes that read the tensor {@code name}. */
  public List<OnnxNode> consumers(String tensorName) {
    return nodes.stream().filter(n -> n.inputs().contains(tensorName)).toList();
  }

  private static final class Parser {
    private final String name;
    private long opset;
    private String producerName = "";
    private String producerVersion = "";
    private final List<OnnxNode> nodes = new ArrayList<>();
    private final Map<String, OnnxTensor> initializers = new LinkedHashMap<>();
    private final List<String> inputs = new ArrayList<>();
    private final List<String> outputs = new ArrayList<>();
    private boolean hasGraph;

    Parser(String name) {
      this.name = name;
    }

    OnnxModel model(CodedInputStream in) throws IOException {
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        switch (WireFormat.getTagFieldNumber(tag)) {
          case MODEL_PRODUCER_NAME -> producerName = in.readString();
          case MODEL_PRODUCER_VERSION -> producerVersion = in.readString();
          case MODEL_GRAPH -> {
            int limit = in.pushLimit(in.readRawVarint32());
            graph(in);
            in.popLimit(limit);
            hasGraph = true;
          }
          case MODEL_OPSET_IMPORT -> {
            int limit = in.pushLimit(in.readRawVarint32());
            opsetImport(in);
            in.popLimit(limit);
          }
          default -> in.skipField(tag);
        }
      }
      if (!hasGraph) {
        throw new OnnxException(name + ": not an ONNX model: no graph");
      }
      String producer = (producerName + " " + producerVersion).trim();
      return new OnnxModel(name, opset, producer, nodes, initializers, inputs, outputs);
    }

    private void opsetImport(CodedInputStream in) throws IOException {
      String domain = "";
      long version = 0;
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        switch (WireFormat.getTagFieldNumber(tag)) {
          case OPSET_DOMAIN -> domain = in.readString();
          case OPSET_VERSION -> version = in.readInt64();
          default -> in.skipField(tag);
        }
      }
      if (domain.isEmpty() || domain.equals("ai.onnx")) {
        opset = version;
      }
    }

    private void graph(CodedInputStream in) throws IOException {
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        switch (WireFormat.getTagFieldNumber(tag)) {
          case GRAPH_NODE -> nodes.add(message(in, this::node));
          case GRAPH_INITIALIZER -> {
            OnnxTensor t = message(in, this::tensor);
            initializers.put(t.name(), t);
          }
          case GRAPH_INPUT -> inputs.add(message(in, Parser::valueInfoName));
          case GRAPH_OUTPUT -> outputs.add(message(in, Parser::valueInfoName));
          default -> in.skipField(tag);
        }
      }
    }

    private interface Reader<T> {
      T read(CodedInputStream in) throws IOException;
    }

    private static <T> T message(CodedInputStream in, Reader<T> reader) throws IOException {
      int limit = in.pushLimit(in.readRawVarint32());
      T value = reader.read(in);
      in.popLimit(limit);
      return value;
    }

    private static String valueInfoName(CodedInputStream in) throws IOException {
      String name = "";
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        if (WireFormat.getTagFieldNumber(tag) == VALUE_INFO_NAME) {
          name = in.readString();
        } else {
          in.skipField(tag);
        }
      }
      return name;
    }

    private OnnxNode node(CodedInputStream in) throws IOException {
      String nodeName = "";
      String opType = "";
      List<String> nodeInputs = new ArrayList<>();
      List<String> nodeOutputs = new ArrayList<>();
      Map<String, OnnxTensor> attributes = new LinkedHashMap<>();
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        switch (WireFormat.getTagFieldNumber(tag)) {
          case NODE_INPUT -> nodeInputs.add(in.readString());
          case NODE_OUTPUT -> nodeOutputs.add(in.readString());
          case NODE_NAME -> nodeName = in.readString();
          case NODE_OP_TYPE -> opType = in.readString();
          case NODE_ATTRIBUTE -> {
            Map.Entry<String, OnnxTensor> a = message(in, this::tensorAttribute);
            if (a.getValue() != null) {
              attributes.put(a.getKey(), a.getValue());
            }
          }
          default -> in.skipField(tag);
        }
      }
      return new OnnxNode(nodeName, opType, nodeInputs, nodeOutputs, attributes);
    }

    /** An attribute's name and its tensor value ({@code null} for attributes of other kinds). */
    private Map.Entry<String, OnnxTensor> tensorAttribute(CodedInputStream in) throws IOException {
      String attributeName = "";
      OnnxTensor tensor = null;
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        switch (WireFormat.getTagFieldNumber(tag)) {
          case ATTRIBUTE_NAME -> attributeName = in.readString();
          case ATTRIBUTE_TENSOR -> tensor = message(in, this::tensor);
          default -> in.skipField(tag);
        }
      }
      return new SimpleEntry<>(attributeName, tensor);
    }

    private OnnxTensor tensor(CodedInputStream in) throws IOException {
      String tensorName = "";
      List<Long> dims = new ArrayList<>();
      int dataType = 0;
      byte[] raw = null;
      ByteArrayOutputStream typed = new ByteArrayOutputStream();
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        int field = WireFormat.getTagFieldNumber(tag);
        boolean packed = WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED;
        switch (field) {
          case TENSOR_DIMS -> repeated(in, packed, () -> dims.add(in.readInt64()));
          case TENSOR_DATA_TYPE -> dataType = in.readInt32();
          case TENSOR_NAME -> tensorName = in.readString();
          case TENSOR_RAW_DATA -> raw = in.readByteArray();
          case TENSOR_FLOAT_DATA -> repeated(in, packed, () -> putLe(typed, in.readFloat()));
          case TENSOR_INT32_DATA -> repeated(in, packed, () -> putLe(typed, in.readInt32()));
          case TENSOR_INT64_DATA -> repeated(in, packed, () -> putLe(typed, in.readInt64()));
          case TENSOR_DOUBLE_DATA -> repeated(in, packed, () -> putLe(typed, in.readDouble()));
          case TENSOR_DATA_LOCATION -> {
            if (in.readEnum() != 0) {
              throw new OnnxException(
                  name + ": tensor '" + tensorName + "' keeps its data in an external file; unsupported");
            }
          }
          default -> in.skipField(tag);
        }
      }
      long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
      ByteBuffer data = ByteBuffer.wrap(raw != null ? raw : typed.toByteArray());
      OnnxTensor tensor = new OnnxTensor(tensorName, shape, dataType, data);
      checkSize(tensor);
      return tensor;
    }

    private void checkSize(OnnxTensor t) {
      int width =
          switch (t.dataType()) {
            case OnnxTensor.FLOAT, OnnxTensor.INT32 -> 4;
            case OnnxTensor.INT64, OnnxTensor.DOUBLE -> 8;
            default -> 0;
          };
      if (width > 0 && t.data().remaining() != t.size() * width) {
        throw new OnnxException(
            name + ": tensor '" + t.name() + "' of shape " + t.shapeString() + " needs "
                + t.size() * width + " bytes but holds " + t.data().remaining() + ": the file is corrupt");
      }
    }

    private interface Step {
      void run() throws IOException;
    }

    private static void repeated(CodedInputStream in, boolean packed, Step readOne) throws IOException {
      if (!packed) {
        readOne.run();
        return;
      }
      int limit = in.pushLimit(in.readRawVarint32());
      while (in.getBytesUntilLimit() > 0) {
        readOne.run();
      }
      in.popLimit(limit);
    }

    private static void putLe(ByteArrayOutputStream out, float v) {
      putLe(out, Float.floatToRawIntBits(v));
    }

    private static void putLe(ByteArrayOutputStream out, double v) {
      putLe(out, Double.doubleToRawLongBits(v));
    }

    private static void putLe(ByteArrayOutputStream out, int v) {
      out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
    }

    private static void putLe(ByteArrayOutputStream out, long v) {
      out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
    }
  }
}

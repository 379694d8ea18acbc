package org.bertfit.models.onnx;

import java.util.List;
import java.util.Map;

/**
 * An ONNX {@code NodeProto}: one operator of the graph.
 *
 * @param name the node's name, such as {@code /encoder/layer.0/attention/self/query/MatMul}
 * @param opType the operator, such as {@code MatMul}
 * @param inputs names of the tensors it reads
 * @param outputs names of the tensors it writes
 * @param tensorAttributes its tensor-valued attributes (a {@code Constant}'s {@code value})
 */
public record OnnxNode(
    String name, String opType, List<String> inputs, List<String> outputs, Map<String, OnnxTensor> tensorAttributes) {}

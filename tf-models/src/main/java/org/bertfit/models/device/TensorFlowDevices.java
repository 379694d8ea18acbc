package org.bertfit.models.device;

import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteDeviceList;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListCount;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListMemoryBytes;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListName;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListType;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_GetRegisteredKernelsForOp;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_SessionListDevices;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_SetConfig;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.TensorFlow;
import org.tensorflow.internal.c_api.TF_Buffer;
import org.tensorflow.internal.c_api.TF_DeviceList;
import org.tensorflow.internal.c_api.TF_Graph;
import org.tensorflow.internal.c_api.TF_Session;
import org.tensorflow.internal.c_api.TF_SessionOptions;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.KernelList;
import org.tensorflow.proto.OptimizerOptions;
import org.tensorflow.types.TFloat32;

/**
 * What TensorFlow itself says about devices: whether its natives hold CUDA kernels, the devices a
 * session with a given configuration sees ({@code TF_SessionListDevices}), and where its placer
 * puts a {@code MatMul} (read back from the partition graphs of a traced run).
 */
final class TensorFlowDevices {
  private TensorFlowDevices() {}

  /** Whether the loaded natives registered GPU kernels for {@code MatMul}: a CUDA build. */
  static boolean cudaKernels() {
    TensorFlow.version(); // loads the natives
    try (PointerScope scope = new PointerScope()) {
      TF_Status status = TF_Status.newStatus();
      TF_Buffer buffer = TF_GetRegisteredKernelsForOp("MatMul", status);
      status.throwExceptionIfNotOK();
      KernelList kernels = KernelList.parseFrom(buffer.dataAsByteBuffer());
      return kernels.getKernelList().stream().anyMatch(k -> k.getDeviceType().equals("GPU"));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("TensorFlow returned an unreadable kernel list: " + e.getMessage(), e);
    }
  }

  /** The devices a session configured by {@code config} sees, CPU first as TensorFlow lists them. */
  static List<DeviceReport.Listed> list(ConfigProto config) {
    TensorFlow.version();
    try (PointerScope scope = new PointerScope()) {
      TF_Status status = TF_Status.newStatus();
      TF_SessionOptions options = TF_SessionOptions.newSessionOptions();
      BytePointer bytes = new BytePointer(config.toByteArray());
      TF_SetConfig(options, bytes, bytes.capacity(), status);
      status.throwExceptionIfNotOK();
      TF_Graph graph = TF_Graph.newGraph();
      TF_Session session = TF_Session.newSession(graph, options, status); // freed by the scope
      status.throwExceptionIfNotOK();
      TF_DeviceList devices = TF_SessionListDevices(session, status);
      status.throwExceptionIfNotOK();
      try {
        List<DeviceReport.Listed> listed = new ArrayList<>();
        for (int i = 0; i < TF_DeviceListCount(devices); i++) {
          listed.add(new DeviceReport.Listed(
              shortName(TF_DeviceListName(devices, i, status).getString()),
              TF_DeviceListType(devices, i, status).getString(),
              TF_DeviceListMemoryBytes(devices, i, status)));
          status.throwExceptionIfNotOK();
        }
        return listed;
      } finally {
        TF_DeleteDeviceList(devices);
      }
    }
  }

  /**
   * The device TensorFlow's placer gives a {@code MatMul} under {@code config} (XLA off: it
   * clusters ops, it does not move them), e.g. {@code CPU:0} or {@code GPU:0}.
   */
  static String matMulDevice(ConfigProto config) {
    ConfigProto probe = config.toBuilder()
        .setGraphOptions(config.getGraphOptions().toBuilder().setOptimizerOptions(
            config.getGraphOptions().getOptimizerOptions().toBuilder()
                .setGlobalJitLevel(OptimizerOptions.GlobalJitLevel.OFF)))
        .build();
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> a = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(2, 2)));
      Placeholder<TFloat32> b = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(2, 2)));
      var product = tf.withName("device_probe_matmul").linalg.matMul(a, b);
      try (Session session = new Session(graph, probe);
          TFloat32 x = TFloat32.tensorOf(Shape.of(2, 2))) {
        Map<String, Integer> placed = DevicePlacement.matMuls(session.runner().feed(a, x).feed(b, x).fetch(product));
        if (placed.size() != 1) {
          throw new IllegalStateException("expected one MatMul, TensorFlow ran " + placed);
        }
        return placed.keySet().iterator().next();
      }
    }
  }

  /** {@code /job:localhost/replica:0/task:0/device:GPU:0} becomes {@code GPU:0}. */
  static String shortName(String device) {
    int at = device.lastIndexOf("device:");
    return at < 0 ? device : device.substring(at + "device:".length());
  }
}

package org.bertfit.models.device;

import java.util.Map;
import java.util.TreeMap;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;

/**
 * Where TensorFlow placed the matrix multiplications of a run: the run is made with {@code
 * output_partition_graphs}, and each partition graph's nodes carry the device they ran on.
 */
public final class DevicePlacement {
  private DevicePlacement() {}

  /**
   * Runs {@code runner} (its feeds and fetches set) once and counts its MatMul ops ({@code MatMul},
   * {@code BatchMatMulV2} and their fused or oneDNN forms) by device, e.g. {@code {GPU:0=26}}.
   */
  public static Map<String, Integer> matMuls(Session.Runner runner) {
    try (Result result = runner.setOptions(RunOptions.newBuilder().setOutputPartitionGraphs(true).build())
        .runAndFetchMetadata()) {
      RunMetadata metadata = result.getMetadata()
          .orElseThrow(() -> new IllegalStateException("TensorFlow returned no run metadata"));
      Map<String, Integer> counts = new TreeMap<>();
      for (GraphDef partition : metadata.getPartitionGraphsList()) {
        for (NodeDef node : partition.getNodeList()) {
          if (node.getOp().contains("MatMul")) {
            counts.merge(TensorFlowDevices.shortName(node.getDevice()), 1, Integer::sum);
          }
        }
      }
      return counts;
    }
  }
}

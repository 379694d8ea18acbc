package org.bertfit.models.device;

import java.util.ArrayList;
import java.util.List;

/**
 * The GPUs' names and compute capabilities from {@code nvidia-smi}: TensorFlow's C API lists a
 * GPU's name and memory only. nvidia-smi numbers GPUs in PCI bus order, as TensorFlow does when
 * {@code CUDA_DEVICE_ORDER=PCI_BUS_ID}.
 */
final class NvidiaSmi {
  private NvidiaSmi() {}

  /**
   * One description for each GPU a session sees, e.g. {@code NVIDIA T4, compute capability 7.5};
   * empty without nvidia-smi.
   *
   * @param visibleDeviceList the session's {@code visible_device_list} ("" for all GPUs): the
   *     session's GPU {@code i} is the {@code i}-th GPU listed there
   */
  static List<String> gpus(String visibleDeviceList) {
    List<String> all =
        parse(Processes.output("nvidia-smi", "--query-gpu=name,compute_cap", "--format=csv,noheader"));
    return visible(all, visibleDeviceList);
  }

  /** The descriptions of the GPUs {@code visibleDeviceList} names, in its order. */
  static List<String> visible(List<String> all, String visibleDeviceList) {
    if (visibleDeviceList.isBlank()) {
      return all;
    }
    List<String> seen = new ArrayList<>();
    for (String id : visibleDeviceList.split(",")) {
      int i = Integer.parseInt(id.trim());
      if (i < all.size()) {
        seen.add(all.get(i));
      }
    }
    return seen;
  }

  /** Parses {@code name, compute_cap} lines. */
  static List<String> parse(String csv) {
    List<String> gpus = new ArrayList<>();
    for (String line : csv.split("\n")) {
      int comma = line.lastIndexOf(',');
      if (comma > 0) {
        gpus.add(line.substring(0, comma).trim() + ", compute capability " + line.substring(comma + 1).trim());
      }
    }
    return gpus;
  }
}

package org.bertfit.models.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bertfit.datasets.tokenize.EncodedBatch;

/**
 * Runs {@code hf_reference.py} (plain PyTorch written from transformers' modeling code, reading and
 * writing the Hub's layout) with {@code /usr/bin/python3}: random checkpoints, forward passes and
 * training steps to compare bertfit with. The script itself is not part of bertfit.
 */
public final class HfReference {
  /** The interpreter the reference runs with (Debian's, where python3-torch installs). */
  public static final Path PYTHON = Path.of("/usr/bin/python3");

  /** The vocabulary size of the checkpoints {@link #make} writes (the reference's default). */
  public static final int VOCAB = 1000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path script;

  public HfReference(Path script) {
    if (!Files.isRegularFile(script)) {
      throw new IllegalArgumentException("reference script not found: " + script);
    }
    this.script = script.toAbsolutePath();
  }

  /** Why the reference cannot run here (no python3, no torch), or null when it can. */
  public static String unavailableReason() {
    if (!Files.isExecutable(PYTHON)) {
      return PYTHON + " is not installed";
    }
    try {
      Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import torch").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0 ? null : "torch is not installed for " + PYTHON + " (apt-get install python3-torch libopenblas0-openmp)";
    } catch (IOException e) {
      return "cannot run " + PYTHON + ": " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /**
   * Writes a random checkpoint to {@code out}, plus a {@code vocab.txt} of {@value #VOCAB} tokens
   * (the reference writes no tokenizer) whose special tokens sit where the architecture has them
   * (RoBERTa: {@code <s>} 0, padding 1, {@code </s>} 2; else padding 0).
   *
   * @param head sequence, token or none
   * @param problemType null, single_label_classification or multi_label_classification
   */
  public void make(Path out, String arch, String head, String problemType, int labels) {
    List<String> args =
        new ArrayList<>(List.of("make", "--arch", arch, "--head", head, "--labels", Integer.toString(labels), "--out", out.toString()));
    if (problemType != null) {
      args.addAll(List.of("--problem-type", problemType));
    }
    run(args);
    List<String> vocab =
        new ArrayList<>(
            arch.equals("roberta")
                ? List.of("[CLS]", "[PAD]", "[SEP]", "[UNK]", "[MASK]")
                : List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"));
    while (vocab.size() < VOCAB) {
      vocab.add("w" + vocab.size());
    }
    write(out.resolve("vocab.txt"), String.join("\n", vocab) + "\n");
  }

  /** The reference's outputs on one batch. */
  public record Forward(float[] lastHiddenState, float[] poolerOutput, float[] logits) {}

  /** Runs {@code model} on {@code batch} (eval mode). */
  public Forward forward(Path model, EncodedBatch batch) {
    JsonNode out = runWithFiles("forward", model, batchJson(batch, null), List.of());
    return new Forward(
        flatten(out.get("last_hidden_state")), flatten(out.get("pooler_output")), flatten(out.get("logits")));
  }

  /** What {@link #train} returns: each step's loss and learning rate, then the first batch's logits. */
  public record Training(double[] losses, double[] learningRates, float[] finalLogits) {}

  /**
   * Runs one optimizer step per batch as Hugging Face's Trainer does (AdamW without decay on
   * biases and LayerNorms, linear schedule without warm-up, global-norm clipping, dropout off).
   *
   * @param batches each batch as {@link #batchJson} makes it, with labels
   */
  public Training train(Path model, List<ObjectNode> batches, double lr, double weightDecay, double maxGradNorm) {
    ArrayNode list = JSON.createArrayNode();
    batches.forEach(list::add);
    JsonNode out =
        runWithFiles(
            "train", model, list,
            List.of("--lr", Double.toString(lr), "--weight-decay", Double.toString(weightDecay),
                "--max-grad-norm", Double.toString(maxGradNorm), "--schedule", "linear"));
    double[] losses = new double[out.get("losses").size()];
    double[] rates = new double[losses.length];
    for (int i = 0; i < losses.length; i++) {
      losses[i] = out.get("losses").get(i).asDouble();
      rates[i] = out.get("learning_rates").get(i).asDouble();
    }
    return new Training(losses, rates, flatten(out.get("final_logits_first_batch")));
  }

  /** A batch as the reference reads it; {@code labels} (class ids, multi-hot rows or per-token ids) may be null. */
  public static ObjectNode batchJson(EncodedBatch batch, JsonNode labels) {
    ObjectNode node = JSON.createObjectNode();
    node.set("input_ids", rows(batch, batch.inputIds()));
    node.set("attention_mask", rows(batch, batch.attentionMask()));
    node.set("token_type_ids", rows(batch, batch.tokenTypeIds()));
    if (labels != null) {
      node.set("labels", labels);
    }
    return node;
  }

  private static ArrayNode rows(EncodedBatch batch, int[] values) {
    ArrayNode out = JSON.createArrayNode();
    for (int r = 0; r < batch.batchSize(); r++) {
      ArrayNode row = out.addArray();
      Arrays.stream(values, r * batch.seqLength(), (r + 1) * batch.seqLength()).forEach(row::add);
    }
    return out;
  }

  private JsonNode runWithFiles(String command, Path model, JsonNode input, List<String> extra) {
    try {
      Path in = Files.createTempFile("hf-reference-in", ".json");
      Path out = Files.createTempFile("hf-reference-out", ".json");
      try {
        JSON.writeValue(in.toFile(), input);
        List<String> args =
            new ArrayList<>(List.of(command, "--model", model.toString(), "--input", in.toString(), "--out", out.toString()));
        args.addAll(extra);
        run(args);
        return JSON.readTree(out.toFile());
      } finally {
        Files.deleteIfExists(in);
        Files.deleteIfExists(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void run(List<String> args) {
    List<String> command = new ArrayList<>(List.of(PYTHON.toString(), script.toString()));
    command.addAll(args);
    try {
      Path err = Files.createTempFile("hf-reference", ".err");
      try {
        Process process = new ProcessBuilder(command).redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
          process.destroy();
          throw new IllegalStateException(
              script + " " + args.get(0) + " failed: " + Files.readString(err, StandardCharsets.UTF_8).strip());
        }
      } finally {
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + PYTHON + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + script, e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Nested JSON arrays of numbers, flattened row-major (empty for null). */
  static float[] flatten(JsonNode node) {
    List<Float> values = new ArrayList<>();
    collect(node, values);
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }

  private static void collect(JsonNode node, List<Float> out) {
    if (node == null || node.isNull()) {
      return;
    }
    if (node.isArray()) {
      node.forEach(n -> collect(n, out));
    } else {
      out.add((float) node.asDouble());
    }
  }

  /** The largest absolute difference between two arrays of the same length. */
  public static double maxAbsDiff(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("lengths differ: " + a.length + " vs " + b.length);
    }
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs((double) a[i] - b[i]));
    }
    return max;
  }
}

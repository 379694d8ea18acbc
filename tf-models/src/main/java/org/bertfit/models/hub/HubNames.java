package org.bertfit.models.hub;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bertfit.models.ModelType;
import org.bertfit.models.checkpoint.CheckpointNaming.Target;

/**
 * The rule between transformers' PyTorch parameter names and bertfit's, both ways. Encoder names
 * carry the model's prefix ({@code bert.}, {@code roberta.}, {@code distilbert.}) or none
 * (sentence-transformers' layout); heads have none. Linear weights are {@code [out, in]} in PyTorch
 * and {@code [in, out]} kernels in bertfit; LayerNorm {@code weight}/{@code bias} (or the older
 * {@code gamma}/{@code beta}) are {@code gamma}/{@code beta}. DistilBERT's layer parts map onto
 * BERT's layer by a table of eight names.
 */
public final class HubNames {
  private static final String ENCODER = "bert/";
  private static final Pattern LAYER = Pattern.compile("(encoder|transformer)\\.layer\\.(\\d+)\\.(.+)\\.(\\w+)");
  private static final Pattern BERTFIT_LAYER = Pattern.compile("bert/encoder/layer_(\\d+)/(.+)/(\\w+)");
  private static final Pattern PARAMETER = Pattern.compile("(.+)\\.(weight|bias|gamma|beta)");
  private static final Pattern BERTFIT_PARAMETER = Pattern.compile("(.+)/(kernel|bias|gamma|beta)");
  private static final Map<String, String> DISTILBERT_PARTS =
      Map.of(
          "attention.q_lin", "attention/self/query",
          "attention.k_lin", "attention/self/key",
          "attention.v_lin", "attention/self/value",
          "attention.out_lin", "attention/output/dense",
          "sa_layer_norm", "attention/output/LayerNorm",
          "ffn.lin1", "intermediate/dense",
          "ffn.lin2", "output/dense",
          "output_layer_norm", "output/LayerNorm");
  private static final Map<String, String> DISTILBERT_PARTS_INVERSE = invert(DISTILBERT_PARTS);

  private HubNames() {}

  /** The prefix of encoder names in transformers' heads ({@code roberta.} for XLM-RoBERTa too). */
  public static String prefix(ModelType type) {
    return switch (type) {
      case BERT -> "bert.";
      case ROBERTA, XLM_ROBERTA -> "roberta.";
      case DISTILBERT -> "distilbert.";
    };
  }

  /** The bertfit parameter that the PyTorch tensor {@code name} sets, if any. */
  public static Optional<Target> toBertfit(String name, ModelType type) {
    String rest = name.startsWith(prefix(type)) ? name.substring(prefix(type).length()) : name;
    Matcher parameter = PARAMETER.matcher(rest);
    if (!parameter.matches()) {
      return Optional.empty();
    }
    String module = parameter.group(1);
    String leaf = parameter.group(2);
    if (module.startsWith("embeddings.") && module.endsWith("_embeddings") && leaf.equals("weight")) {
      return Optional.of(new Target(ENCODER + module.replace('.', '/'), false));
    }
    if (module.equals("embeddings.LayerNorm")) {
      return Optional.of(normTarget(ENCODER + "embeddings/LayerNorm", leaf));
    }
    Matcher layer = LAYER.matcher(rest);
    if (layer.matches()) {
      String part =
          type == ModelType.DISTILBERT
              ? (layer.group(1).equals("transformer") ? DISTILBERT_PARTS.get(layer.group(3)) : null)
              : (layer.group(1).equals("encoder") ? layer.group(3).replace('.', '/') : null);
      if (part == null) {
        return Optional.empty();
      }
      String scope = ENCODER + "encoder/layer_" + layer.group(2) + "/" + part;
      return Optional.of(part.endsWith("LayerNorm") ? normTarget(scope, leaf) : denseTarget(scope, leaf));
    }
    return switch (module) {
      case "pooler.dense" -> Optional.of(denseTarget(ENCODER + "pooler/dense", leaf));
      case "classifier", "classifier.dense", "classifier.out_proj", "pre_classifier" ->
          name.equals(rest) ? Optional.of(denseTarget(module.replace('.', '/'), leaf)) : Optional.empty();
      default -> Optional.empty();
    };
  }

  /**
   * The PyTorch name of bertfit parameter {@code name} in a transformers model of {@code type}
   * (the encoder under its prefix); kernels are stored transposed ({@code [out, in]}).
   */
  public static Target toHub(String name, ModelType type) {
    Matcher parameter = BERTFIT_PARAMETER.matcher(name);
    if (!name.startsWith(ENCODER)) {
      if (!parameter.matches()) {
        throw new IllegalArgumentException("no Hugging Face name for bertfit parameter " + name);
      }
      return denseHub(parameter.group(1).replace('/', '.'), parameter.group(2));
    }
    String rest = name.substring(ENCODER.length());
    if (rest.startsWith("embeddings/") && rest.endsWith("_embeddings")) {
      return new Target(prefix(type) + rest.replace('/', '.') + ".weight", false);
    }
    Matcher layer = BERTFIT_LAYER.matcher(name);
    String module;
    if (layer.matches()) {
      module =
          type == ModelType.DISTILBERT
              ? "transformer.layer." + layer.group(1) + "." + DISTILBERT_PARTS_INVERSE.get(layer.group(2))
              : "encoder.layer." + layer.group(1) + "." + layer.group(2).replace('/', '.');
    } else if (parameter.matches()) {
      module = parameter.group(1).substring(ENCODER.length()).replace('/', '.');
    } else {
      throw new IllegalArgumentException("no Hugging Face name for bertfit parameter " + name);
    }
    String leaf = name.substring(name.lastIndexOf('/') + 1);
    return denseHub(prefix(type) + module, leaf);
  }

  private static Target denseHub(String module, String leaf) {
    return switch (leaf) {
      case "kernel" -> new Target(module + ".weight", true);
      case "gamma" -> new Target(module + ".weight", false);
      case "bias", "beta" -> new Target(module + ".bias", false);
      default -> throw new IllegalArgumentException("no Hugging Face name for " + module + "/" + leaf);
    };
  }

  private static Target normTarget(String scope, String leaf) {
    return new Target(scope + (leaf.equals("weight") || leaf.equals("gamma") ? "/gamma" : "/beta"), false);
  }

  private static Target denseTarget(String scope, String leaf) {
    return leaf.equals("weight")
        ? new Target(scope + "/kernel", true)
        : new Target(scope + "/" + leaf, false);
  }

  private static Map<String, String> invert(Map<String, String> map) {
    Map<String, String> out = new java.util.HashMap<>();
    map.forEach((k, v) -> out.put(v, k));
    return Map.copyOf(out);
  }
}

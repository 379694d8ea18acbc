package org.bertfit.models;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The feed-forward activation, named as in a Hugging Face {@code config.json} ({@code hidden_act}). */
public enum HiddenActivation {
  /** Exact GELU, {@code 0.5 x (1 + erf(x / sqrt 2))}. */
  GELU("gelu"),
  /** The tanh approximation of GELU used by Google's original BERT checkpoints. */
  GELU_NEW("gelu_new"),
  RELU("relu");

  private final String jsonName;

  HiddenActivation(String jsonName) {
    this.jsonName = jsonName;
  }

  public String jsonName() {
    return jsonName;
  }

  /** Parses a {@code hidden_act} value; {@code gelu_pytorch_tanh} is an alias of {@code gelu_new}. */
  public static HiddenActivation fromJsonName(String name) {
    if (name.equals("gelu_pytorch_tanh") || name.equals("gelu_fast")) {
      return GELU_NEW;
    }
    for (HiddenActivation a : values()) {
      if (a.jsonName.equals(name)) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "hidden_act '" + name + "' is not supported; supported: "
            + Arrays.stream(values()).map(HiddenActivation::jsonName).collect(Collectors.joining(", ")));
  }
}

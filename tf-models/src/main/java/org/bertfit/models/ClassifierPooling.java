package org.bertfit.models;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a text classifier's head reads from the encoder ({@code classifier_pooling} in {@code
 * config.json}, a bertfit field that Hugging Face ignores: its BERT heads always read the pooler).
 */
public enum ClassifierPooling {
  /** The pooler: tanh(dense(the {@code [CLS]} state)), pre-trained for next-sentence prediction. */
  POOLER("pooler"),
  /** The last layer's {@code [CLS]} state. */
  CLS("cls"),
  /** The mean of the last layer's token states over the attention mask. */
  MEAN("mean");

  private final String jsonName;

  ClassifierPooling(String jsonName) {
    this.jsonName = jsonName;
  }

  public String jsonName() {
    return jsonName;
  }

  /** The pooling named {@code name}; the error lists the names allowed. */
  public static ClassifierPooling fromJsonName(String name) {
    for (ClassifierPooling p : values()) {
      if (p.jsonName.equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "classifier_pooling '" + name + "' is not supported; supported: "
            + Arrays.stream(values()).map(ClassifierPooling::jsonName).collect(Collectors.joining(", ")));
  }
}

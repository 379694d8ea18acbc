package org.bertfit.models;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.bertfit.datasets.Task;

/** What the classification head predicts, named as Hugging Face's {@code problem_type}. */
public enum ProblemType {
  /** One label per text: softmax over the labels. */
  SINGLE_LABEL_CLASSIFICATION("single_label_classification"),
  /** Any number of labels per text: an independent sigmoid per label. */
  MULTI_LABEL_CLASSIFICATION("multi_label_classification"),
  /** One label per token (named-entity recognition): softmax per position. */
  TOKEN_CLASSIFICATION("token_classification");

  private final String jsonName;

  ProblemType(String jsonName) {
    this.jsonName = jsonName;
  }

  public String jsonName() {
    return jsonName;
  }

  /** The head that predicts labels of this kind. */
  public static ProblemType of(Task task) {
    return switch (task) {
      case SINGLE_LABEL -> SINGLE_LABEL_CLASSIFICATION;
      case MULTI_LABEL -> MULTI_LABEL_CLASSIFICATION;
      case TOKEN_CLASSIFICATION -> TOKEN_CLASSIFICATION;
    };
  }

  public static ProblemType fromJsonName(String name) {
    for (ProblemType t : values()) {
      if (t.jsonName.equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "problem_type '" + name + "' is not supported; supported: "
            + Arrays.stream(values()).map(ProblemType::jsonName).collect(Collectors.joining(", ")));
  }
}

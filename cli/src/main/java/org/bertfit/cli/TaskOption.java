package org.bertfit.cli;

import picocli.CommandLine.Option;

/**
 * {@code --task} of train, evaluate, predict and report ({@code @Mixin}): text classification (a
 * label or a label set a text) or token classification (a tag a word). Optional: the data or the
 * model tells; when given, it must agree with them.
 */
public final class TaskOption {
  static final String TEXT = "text-classification";
  static final String TOKENS = "token-classification";

  @Option(
      names = "--task",
      paramLabel = "TASK",
      description =
          TEXT + " or " + TOKENS + " (default: what the data or the model is; token"
              + " classification reads CoNLL files)")
  String task;

  /** Whether {@code --task} was given. */
  boolean given() {
    return parsed() != null;
  }

  /** Whether {@code --task token-classification} was given. */
  boolean tokens() {
    return TOKENS.equals(parsed());
  }

  /** Fails when {@code --task} names another task than {@code what} holds. */
  void requireAgrees(boolean tokens, String what) {
    String given = parsed();
    String actual = tokens ? TOKENS : TEXT;
    if (given != null && !given.equals(actual)) {
      throw new IllegalArgumentException("--task " + given + ", but " + what + " is " + actual);
    }
  }

  private String parsed() {
    if (task != null && !task.equals(TEXT) && !task.equals(TOKENS)) {
      throw new IllegalArgumentException(
          "--task must be " + TEXT + " or " + TOKENS + ", got '" + task + "'");
    }
    return task;
  }
}

package org.bertfit.evaluation;

/**
 * A warning about the model or the data, printed above the report and listed under {@code
 * warnings} in JSON. {@code code} is stable (for tools), {@code message} is for people.
 */
public record Diagnostic(String code, String message) {
  @Override
  public String toString() {
    return code + ": " + message;
  }
}

package org.bertfit.models.safetensors;

/** A safetensors file or index that cannot be read: the message names the file and the problem. */
public final class SafetensorsException extends RuntimeException {
  public SafetensorsException(String message) {
    super(message);
  }

  public SafetensorsException(String message, Throwable cause) {
    super(message, cause);
  }
}

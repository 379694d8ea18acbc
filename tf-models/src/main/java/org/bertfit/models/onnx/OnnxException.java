package org.bertfit.models.onnx;

/** An ONNX model that cannot be read, or whose graph is not one bertfit can import. */
public final class OnnxException extends RuntimeException {
  public OnnxException(String message) {
    super(message);
  }

  public OnnxException(String message, Throwable cause) {
    super(message, cause);
  }
}

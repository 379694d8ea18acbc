package org.bertfit.models.checkpoint;

/** A checkpoint that cannot be read: missing, truncated, corrupt, or not matching the model. */
public class CheckpointException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CheckpointException(String message) {
    super(message);
  }

  public CheckpointException(String message, Throwable cause) {
    super(message, cause);
  }
}

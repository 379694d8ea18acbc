package org.bertfit.training;

/** The training loss became NaN or infinite; training stopped and no checkpoint was written after. */
public final class TrainingDivergedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TrainingDivergedException(String message) {
    super(message);
  }
}

package dev.personalize4j;

/** A resource (campaign, filter, dataset, ...) the call needs does not exist. */
public class NotFoundException extends PersonalizeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public NotFoundException(String message, Throwable cause) {
    super(message, false, cause);
  }

  /** Creates the exception without a cause. */
  public NotFoundException(String message) {
    this(message, null);
  }
}

package dev.personalize4j;

/** The service rejected the request as invalid; repeating it cannot succeed. */
public class InvalidRequestException extends PersonalizeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public InvalidRequestException(String message, Throwable cause) {
    super(message, false, cause);
  }

  /** Creates the exception without a cause. */
  public InvalidRequestException(String message) {
    this(message, null);
  }
}

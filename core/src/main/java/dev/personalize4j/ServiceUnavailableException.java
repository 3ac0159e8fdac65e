package dev.personalize4j;

/** The service failed or could not be reached (5xx, I/O error, timeout, open circuit). */
public class ServiceUnavailableException extends PersonalizeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public ServiceUnavailableException(String message, Throwable cause) {
    super(message, true, cause);
  }

  /** Creates the exception without a cause. */
  public ServiceUnavailableException(String message) {
    this(message, null);
  }
}

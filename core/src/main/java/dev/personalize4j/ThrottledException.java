package dev.personalize4j;

/** The service refused the call because of its rate limits; retry later. */
public class ThrottledException extends PersonalizeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public ThrottledException(String message, Throwable cause) {
    super(message, true, cause);
  }

  /** Creates the exception without a cause. */
  public ThrottledException(String message) {
    this(message, null);
  }
}

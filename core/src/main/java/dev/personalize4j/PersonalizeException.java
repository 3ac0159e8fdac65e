package dev.personalize4j;

/**
 * The root of failures of the service behind a personalize4j implementation. {@link #isRetryable()}
 * says truthfully whether the same call may succeed later.
 */
public class PersonalizeException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final boolean retryable;

  /** A failure with the given retryability. */
  public PersonalizeException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  /** A failure with the given retryability and no cause. */
  public PersonalizeException(String message, boolean retryable) {
    this(message, retryable, null);
  }

  /** Whether repeating the call may succeed. */
  public boolean isRetryable() {
    return retryable;
  }
}

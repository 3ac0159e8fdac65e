package dev.personalize4j.testing.emulator.internal;

/** A modelled service error: the error code the SDKs map to an exception class, and a message. */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String code;

  ApiException(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  /** The error code, e.g. {@code InvalidInputException}. */
  public String code() {
    return code;
  }

  static ApiException invalidInput(String message) {
    return new ApiException("InvalidInputException", message);
  }

  static ApiException notFound(String message) {
    return new ApiException("ResourceNotFoundException", message);
  }

  static ApiException alreadyExists(String message) {
    return new ApiException("ResourceAlreadyExistsException", message);
  }

  static ApiException inUse(String message) {
    return new ApiException("ResourceInUseException", message);
  }

  static ApiException limitExceeded(String message) {
    return new ApiException("LimitExceededException", message);
  }

  static ApiException invalidNextToken(String message) {
    return new ApiException("InvalidNextTokenException", message);
  }

  static ApiException serialization(String message) {
    return new ApiException("SerializationException", message);
  }

  static ApiException unknownOperation(String message) {
    return new ApiException("UnknownOperationException", message);
  }
}

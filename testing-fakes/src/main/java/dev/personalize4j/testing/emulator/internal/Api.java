package dev.personalize4j.testing.emulator.internal;

/** The three APIs served on the emulator's port, with their content types and error statuses. */
enum Api {
  RUNTIME("application/json"),
  EVENTS("application/json"),
  CONTROL("application/x-amz-json-1.1");

  final String contentType;

  Api(String contentType) {
    this.contentType = contentType;
  }

  /** The HTTP status the service model gives an error code on this API. */
  int status(String code) {
    if (this == CONTROL) {
      return 400;
    }
    return switch (code) {
      case "ResourceNotFoundException" -> 404;
      case "ResourceInUseException" -> this == EVENTS ? 409 : 400;
      default -> 400;
    };
  }
}

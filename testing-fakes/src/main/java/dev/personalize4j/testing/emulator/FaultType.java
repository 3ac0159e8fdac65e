package dev.personalize4j.testing.emulator;

/** A kind of failure the emulator can inject into a call, as the service or the network produce it. */
public enum FaultType {
  /** HTTP 400 with {@code ThrottlingException}. */
  THROTTLE,
  /** HTTP 429 with {@code TooManyRequestsException}. */
  TOO_MANY_REQUESTS,
  /** HTTP 500 {@code InternalFailure} or 503 {@code ServiceUnavailable}. */
  SERVER_ERROR,
  /** The connection is closed without a response. */
  RESET_CONNECTION,
  /** HTTP 200 with a body that is not valid JSON. */
  MALFORMED_RESPONSE
}

package dev.personalize4j.aws.internal;

import dev.personalize4j.InvalidRequestException;
import dev.personalize4j.NotFoundException;
import dev.personalize4j.PersonalizeException;
import dev.personalize4j.ServiceUnavailableException;
import dev.personalize4j.ThrottledException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Translates AWS SDK failures into personalize4j's exception hierarchy at the adapter boundary,
 * keeping {@link PersonalizeException#isRetryable()} truthful.
 */
public final class Errors {
  private static final Set<String> THROTTLING = Set.of(
      "Throttling", "ThrottlingException", "ThrottledException", "TooManyRequestsException",
      "LimitExceededException", "RequestLimitExceeded", "ProvisionedThroughputExceededException",
      "SlowDown", "RequestThrottled", "RequestThrottledException", "BandwidthLimitExceeded");
  private static final Set<String> UNAVAILABLE = Set.of(
      "InternalFailure", "InternalError", "InternalServerError", "InternalServerException",
      "ServiceUnavailable", "ServiceUnavailableException", "RequestTimeout", "RequestTimeoutException",
      "PriorRequestNotComplete");
  private static final Set<String> INVALID = Set.of(
      "InvalidInputException", "ValidationException", "ValidationError", "InvalidParameterValue",
      "ResourceAlreadyExistsException", "InvalidNextTokenException");

  private Errors() {}

  /** Translates any failure of an SDK call of {@code operation}; personalize4j exceptions pass through. */
  public static PersonalizeException translate(String operation, Throwable e) {
    if (e instanceof PersonalizeException p) {
      return p;
    }
    if (e instanceof AwsServiceException ase) {
      AwsErrorDetails details = ase.awsErrorDetails();
      String code = details == null ? null : details.errorCode();
      int status = ase.statusCode();
      String serviceMessage = details == null ? null : details.errorMessage();
      String message = operation + " failed: " + (code == null ? "error" : code) + " (HTTP " + status + ")"
          + (serviceMessage == null || serviceMessage.isBlank() ? "" : ": " + serviceMessage);
      if (status == 429 || (code != null && THROTTLING.contains(code))) {
        return new ThrottledException(message, e);
      }
      if (status >= 500 || (code != null && UNAVAILABLE.contains(code))) {
        return new ServiceUnavailableException(message, e);
      }
      if ("ResourceNotFoundException".equals(code) || (code == null && status == 404)) {
        return new NotFoundException(message, e);
      }
      if (code != null && INVALID.contains(code)) {
        return new InvalidRequestException(message, e);
      }
      return new PersonalizeException(message, false, e);
    }
    if (e instanceof ApiCallAttemptTimeoutException || e instanceof ApiCallTimeoutException) {
      return new ServiceUnavailableException(operation + " timed out: " + e.getMessage(), e);
    }
    if (e instanceof SdkClientException && hasIoCause(e)) {
      return new ServiceUnavailableException(operation + " failed on the network: " + e.getMessage(), e);
    }
    if (e instanceof UncheckedIOException) {
      return new ServiceUnavailableException(operation + " failed on the network: " + e.getMessage(), e);
    }
    if (e instanceof SdkException) {
      return new PersonalizeException(operation + " failed: " + e.getMessage(), false, e);
    }
    return new PersonalizeException(operation + " failed unexpectedly: " + e, false, e);
  }

  private static boolean hasIoCause(Throwable e) {
    for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof IOException || t instanceof UncheckedIOException) {
        return true;
      }
    }
    return false;
  }
}

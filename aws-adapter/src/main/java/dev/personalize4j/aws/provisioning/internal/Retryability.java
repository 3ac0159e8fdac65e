package dev.personalize4j.aws.provisioning.internal;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Which failed control-plane calls a provisioner may repeat after backing off. */
public final class Retryability {
  private Retryability() {}

  /** Throttling: the request was refused before processing (ThrottlingException, TooManyRequests, HTTP 429). */
  public static boolean isThrottling(SdkException e) {
    if (e instanceof AwsServiceException a) {
      String code = errorCode(e);
      return a.isThrottlingException() || a.statusCode() == 429
          || "ThrottlingException".equals(code) || "TooManyRequestsException".equals(code);
    }
    return false;
  }

  /**
   * Whether a read (List/Describe) may be repeated: throttling, LimitExceededException (the control
   * plane's rate limit), 5xx and I/O errors. Creates are repeated only on {@link #isThrottling}.
   */
  public static boolean isRetryableRead(SdkException e) {
    if (isThrottling(e)) {
      return true;
    }
    if (e instanceof AwsServiceException a) {
      return "LimitExceededException".equals(errorCode(e)) || a.statusCode() >= 500;
    }
    return e instanceof SdkClientException;
  }

  /** The service's error code, or the exception's class name when there is none. */
  public static String errorCode(SdkException e) {
    if (e instanceof AwsServiceException a && a.awsErrorDetails() != null && a.awsErrorDetails().errorCode() != null) {
      return a.awsErrorDetails().errorCode();
    }
    return e.getClass().getSimpleName();
  }

  /** The service's error message, or the exception's message. */
  public static String message(SdkException e) {
    if (e instanceof AwsServiceException a && a.awsErrorDetails() != null && a.awsErrorDetails().errorMessage() != null) {
      return a.awsErrorDetails().errorMessage();
    }
    return String.valueOf(e.getMessage());
  }
}

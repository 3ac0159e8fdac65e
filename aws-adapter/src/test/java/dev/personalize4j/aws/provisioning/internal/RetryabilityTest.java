package dev.personalize4j.aws.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.personalize.model.LimitExceededException;
import software.amazon.awssdk.services.personalize.model.PersonalizeException;
import software.amazon.awssdk.services.personalize.model.ResourceNotFoundException;

class RetryabilityTest {
  private static SdkException service(String code, int status) {
    return PersonalizeException.builder().statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code + " message").build()).build();
  }

  @Test
  void readsBackOffOnThrottlingRateLimits5xxAndIo() {
    assertThat(Retryability.isRetryableRead(service("ThrottlingException", 400))).isTrue();
    assertThat(Retryability.isRetryableRead(LimitExceededException.builder().statusCode(400)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("LimitExceededException").build()).build())).isTrue();
    assertThat(Retryability.isRetryableRead(service("", 429))).isTrue();
    assertThat(Retryability.isRetryableRead(service("ServiceUnavailable", 503))).isTrue();
    assertThat(Retryability.isRetryableRead(SdkClientException.create("connection reset"))).isTrue();
    assertThat(Retryability.isRetryableRead(service("InvalidInputException", 400))).isFalse();
    assertThat(Retryability.isRetryableRead(ResourceNotFoundException.builder().statusCode(400)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ResourceNotFoundException").build()).build())).isFalse();
  }

  @Test
  void createsAreRepeatedOnlyWhenThrottled() {
    assertThat(Retryability.isThrottling(service("ThrottlingException", 400))).isTrue();
    assertThat(Retryability.isThrottling(service("TooManyRequestsException", 429))).isTrue();
    assertThat(Retryability.isThrottling(service("LimitExceededException", 400))).isFalse();
    assertThat(Retryability.isThrottling(service("InternalFailure", 500))).isFalse();
    assertThat(Retryability.isThrottling(SdkClientException.create("timeout"))).isFalse();
    assertThat(Retryability.errorCode(service("ThrottlingException", 400))).isEqualTo("ThrottlingException");
    assertThat(Retryability.message(service("ThrottlingException", 400))).isEqualTo("ThrottlingException message");
  }
}
